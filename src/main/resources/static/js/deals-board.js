// Kanban: drag an open deal's card onto another column to move it there (audited on the server).
// Lost asks for the reason, won for a confirmation; the board is swapped in again by htmx.
(function () {
    let dragged = null;
    document.addEventListener('dragstart', function (e) {
        const card = e.target.closest && e.target.closest('.kanban-card[draggable="true"]');
        if (!card) return;
        dragged = card.dataset.deal;
        e.dataTransfer.setData('text/plain', dragged);
    });
    document.addEventListener('dragover', function (e) {
        if (e.target.closest && e.target.closest('.kanban-column')) e.preventDefault();
    });
    document.addEventListener('drop', function (e) {
        const column = e.target.closest && e.target.closest('.kanban-column');
        const board = document.getElementById('deal-board');
        if (!column || !board) return;
        e.preventDefault();
        const deal = e.dataTransfer.getData('text/plain') || dragged;
        moveDeal(board, deal, column.dataset.stage);
    });

    /** Also used by tests and keyboard users: move a deal to a stage as a drop would. */
    window.fairleadMoveDeal = function (deal, stage) {
        moveDeal(document.getElementById('deal-board'), String(deal), stage);
    };

    function moveDeal(board, deal, stage) {
        if (!deal || !stage) return;
        const values = {stage: stage};
        if (board.dataset.team) values.boardTeamId = board.dataset.team;
        if (stage === 'lost') {
            const reason = window.prompt(board.dataset.lostPrompt);
            if (!reason) return;
            values.lostReason = reason;
        }
        if (stage === 'won' && !window.confirm(board.dataset.wonConfirm)) return;
        htmx.ajax('POST', '/deals/' + deal + '/stage', {target: '#deal-board', swap: 'outerHTML', values: values});
    }
})();
