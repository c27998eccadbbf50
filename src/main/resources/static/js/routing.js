// Rule editor: remove a condition row (adding one is the shared data-add-row helper in app.js).
document.addEventListener('click', function (event) {
    const remove = event.target.closest('[data-remove-condition]');
    if (remove) {
        remove.closest('.condition-row').remove();
        event.preventDefault();
    }
});
