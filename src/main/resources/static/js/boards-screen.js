// The big screen (大屏): polls the leaderboards' JSON and replaces each board's rows in place, so the
// office TV stays current without a reload. Settings come from data attributes (no inline script).
(function () {
    const root = document.getElementById('board-screen');
    if (!root) return;
    const endpoint = root.dataset.endpoint;
    const interval = parseInt(root.dataset.interval || '30000', 10);
    const lang = document.documentElement.lang || 'en';
    const money = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});
    const oneDecimal = new Intl.NumberFormat(lang, {minimumFractionDigits: 1, maximumFractionDigits: 1});
    const whole = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});

    function format(unit, value) {
        if (value === null || value === undefined) return root.dataset.noBasis;
        const n = Number(value);
        if (unit === 'MONEY') return money.format(n);
        if (unit === 'PERCENT') return (n > 0 ? '+' : '') + oneDecimal.format(n) + '%';
        if (unit === 'SCORE') return oneDecimal.format(n);
        return whole.format(n);
    }

    function cell(cls, text) {
        const td = document.createElement('td');
        td.className = cls;
        const span = document.createElement('span');
        span.textContent = text;
        if (cls === 'screen-label') span.setAttribute('translate', 'no');
        td.appendChild(span);
        return td;
    }

    function render(board) {
        const section = document.getElementById('screen-' + board.kind);
        if (!section) return;
        section.hidden = false;
        const tbody = section.querySelector('tbody');
        const rows = document.createDocumentFragment();
        board.rows.forEach(function (r) {
            const tr = document.createElement('tr');
            tr.className = 'screen-row' + (r.mine ? ' mine' : '');
            tr.appendChild(cell('screen-rank', r.rank == null ? '—' : String(r.rank)));
            tr.appendChild(cell('screen-label', r.label));
            tr.appendChild(cell('screen-value', format(board.unit, r.value)));
            rows.appendChild(tr);
        });
        if (!board.rows.length) {
            const tr = document.createElement('tr');
            const td = cell('screen-empty', root.dataset.empty);
            td.colSpan = 3;
            tr.appendChild(td);
            rows.appendChild(tr);
        }
        tbody.replaceChildren(rows);
    }

    function refresh() {
        fetch(endpoint, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (boards) {
                const shown = new Set(boards.map(function (b) { return b.kind; }));
                document.querySelectorAll('[data-board]').forEach(function (s) { s.hidden = !shown.has(s.dataset.board); });
                boards.forEach(render);
                const period = document.getElementById('screen-period');
                if (boards.length && period) period.textContent = boards[0].period;
                const updated = document.getElementById('screen-updated');
                if (updated) updated.textContent = new Date().toLocaleTimeString(lang);
                root.dataset.refreshed = String(Date.now());
            })
            .catch(function () { /* keep showing the last rows; try again at the next tick */ });
    }

    refresh();
    setInterval(refresh, interval);
})();
