// Export buttons (fragments/export.html, decision 0321). A click fetches the list's export with the filters the page shows
// now (its address, kept current by htmx), reads the row count from X-Export-Rows before the body, counts rows (CSV: line
// ends) or bytes (XLSX, which arrives once the workbook is built) as the body streams in, then saves the file under the
// name the server gives. A refused export (too many rows, bad filter) shows the server's message in the reader's language.
(function () {
    function text(box, name, a, b) {
        return (box.dataset['text' + name] || '').replace('{0}', a).replace('{1}', b);
    }

    function fileName(response, fallback) {
        const header = response.headers.get('Content-Disposition') || '';
        const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        if (star) {
            return decodeURIComponent(star[1]);
        }
        const plain = /filename="?([^";]+)"?/i.exec(header);
        return plain ? plain[1] : fallback;
    }

    // The filters to export with: fixed by the page (data-query), else the page's filter form when it is marked
    // data-export-filters (a form that does not push its filters to the address), else the page's address.
    function filters(link) {
        if (link.dataset.query !== undefined) {
            return new URLSearchParams(link.dataset.query);
        }
        const form = document.querySelector('form[data-export-filters]');
        if (!form) {
            return new URLSearchParams(window.location.search);
        }
        const params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (typeof value === 'string' && value !== '') {
                params.append(name, value);
            }
        });
        return params;
    }

    async function problem(response, box) {
        try {
            const body = await response.json();
            const errors = (body.errors || []).map(function (e) { return e.message; }).filter(Boolean);
            return errors.length ? errors.join(' ') : (body.detail || body.title || text(box, 'Failed'));
        } catch (e) {
            return text(box, 'Failed');
        }
    }

    async function download(link) {
        const control = link.closest('.export-control');
        const box = control.querySelector('.export-progress');
        const bar = box.querySelector('.export-bar');
        const status = box.querySelector('.export-status');
        const format = link.dataset.format;
        const params = filters(link);
        params.delete('page');
        params.set('format', format);
        box.classList.remove('d-none', 'text-danger');
        box.classList.add('export-running');
        bar.removeAttribute('value');
        status.textContent = text(box, 'Counting');
        control.querySelectorAll('.export-link').forEach(function (l) { l.classList.add('disabled'); });
        try {
            const response = await fetch(link.dataset.export + '?' + params.toString(), {credentials: 'same-origin'});
            if (!response.ok) {
                throw new Error(await problem(response, box));
            }
            const total = parseInt(response.headers.get('X-Export-Rows') || '0', 10);
            const reader = response.body.getReader();
            const chunks = [];
            let rows = -1; // the header line is not a row
            let bytes = 0;
            if (format === 'xlsx') {
                status.textContent = text(box, 'Preparing', total);
            }
            for (;;) {
                const next = await reader.read();
                if (next.done) {
                    break;
                }
                chunks.push(next.value);
                bytes += next.value.length;
                if (format === 'csv') {
                    for (let i = 0; i < next.value.length; i++) {
                        if (next.value[i] === 10) {
                            rows++;
                        }
                    }
                    const shown = Math.max(0, Math.min(rows, total));
                    bar.max = Math.max(total, 1);
                    bar.value = shown;
                    status.textContent = text(box, 'Rows', shown, total);
                } else {
                    status.textContent = text(box, 'Bytes', Math.round(bytes / 1024));
                }
            }
            bar.max = 1;
            bar.value = 1;
            status.textContent = text(box, 'Done', total);
            const blob = new Blob(chunks, {type: response.headers.get('Content-Type') || 'application/octet-stream'});
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = fileName(response, 'export.' + format);
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
        } catch (e) {
            bar.value = 0;
            box.classList.add('text-danger');
            status.textContent = e.message || text(box, 'Failed');
        } finally {
            box.classList.remove('export-running');
            control.querySelectorAll('.export-link').forEach(function (l) { l.classList.remove('disabled'); });
        }
    }

    document.addEventListener('click', function (event) {
        const link = event.target.closest('a.export-link[data-export]');
        if (!link || !window.fetch || !window.ReadableStream) {
            return;
        }
        event.preventDefault();
        download(link);
    });
})();
