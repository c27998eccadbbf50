// "Select all" of a bulk form: a checkbox marked data-select-all="<form id>" checks every row box of that form on the page.
document.addEventListener('change', function (event) {
    const all = event.target.closest('[data-select-all]');
    if (!all) {
        return;
    }
    document.querySelectorAll('input.bulk-select[form="' + all.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = all.checked;
    });
});
