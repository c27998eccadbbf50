// htmx requests carry the CSRF token like forms do.
document.addEventListener('htmx:configRequest', function (event) {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Repeating rows (territories): "add" clones the template row, "remove" drops a row.
document.addEventListener('click', function (event) {
    const add = event.target.closest('[data-add-row]');
    if (add) {
        const container = document.getElementById(add.dataset.addRow);
        const template = document.getElementById(add.dataset.template);
        container.appendChild(template.content.cloneNode(true));
        event.preventDefault();
    }
    const remove = event.target.closest('[data-remove-row]');
    if (remove) {
        remove.closest('.territory-row').remove();
        event.preventDefault();
    }
});
