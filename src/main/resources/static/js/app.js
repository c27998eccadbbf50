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

// A select marked data-autosubmit submits its form on change (no inline handlers under the CSP).
document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-autosubmit]') && event.target.form) {
        event.target.form.submit();
    }
});

// An htmx trigger marked data-remove-after-request removes itself once its request is done
// (the "expand" arrow of a goal row, whose children are now shown).
document.addEventListener('htmx:afterRequest', function (event) {
    const elt = event.detail && event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute('data-remove-after-request')) {
        elt.remove();
    }
});
