'use strict';
// The event browser's script: it reads the JSON below the page's path, and writes text only (never HTML).
(() => {
    const api = location.pathname.replace(/\/+$/, '') + '/api';
    const LOG_ROWS = 100;
    const element = id => document.getElementById(id);
    let sequence = null;
    let logNext = null;

    async function get(path) {
        const response = await fetch(api + path, { headers: { Accept: 'application/json' } });
        const body = await response.json();
        if (!response.ok) {
            throw new Error(body.detail || body.title || response.statusText);
        }
        return body;
    }

    function say(id, text) {
        element(id).textContent = text;
    }

    function addRow(body, cells, atTop) {
        const row = document.createElement('tr');
        for (const cell of cells) {
            const column = document.createElement('td');
            if (cell instanceof Node) {
                column.append(cell);
            } else {
                column.textContent = cell ?? '';
            }
            row.append(column);
        }
        if (atTop) {
            body.prepend(row);
        } else {
            body.append(row);
        }
    }

    function data(event) {
        const text = document.createElement('pre');
        text.textContent = event.error ?? (event.erased ? 'Personal data erased: its data subject was forgotten\n' : '')
            + JSON.stringify(event.data, null, 2);
        text.className = event.error ? 'error' : event.erased ? 'data erased' : 'data';
        return text;
    }

    function sequenceLink(id) {
        const link = document.createElement('a');
        link.href = '#sequence';
        link.textContent = id;
        link.addEventListener('click', () => {
            element('sequence-id').value = id;
            showSequence(id, false);
        });
        return link;
    }

    async function showSequence(id, more) {
        if (!more) {
            sequence = { id, next: null };
            element('sequence-events').replaceChildren();
        }
        try {
            const after = sequence.next === null ? '' : '&after=' + sequence.next;
            const page = await get('/sequences/' + encodeURIComponent(id) + '?limit=20' + after);
            for (const event of page.events) {
                addRow(element('sequence-events'), [event.position, event.type, event.timestamp, data(event)], false);
            }
            sequence.next = page.next;
            element('sequence-more').hidden = page.next === null;
            say('sequence-message', element('sequence-events').rows.length ? '' : 'This sequence has no events.');
        } catch (error) {
            say('sequence-message', error.message);
        }
    }

    async function followLog() {
        if (element('follow').checked) {
            try {
                const page = await get('/log?limit=50' + (logNext === null ? '' : '&after=' + logNext));
                for (const event of page.events) {
                    addRow(element('log-events'), [event.logPosition, sequenceLink(event.sequenceId), event.position,
                        event.type, event.timestamp], true);
                }
                while (element('log-events').rows.length > LOG_ROWS) {
                    element('log-events').deleteRow(-1);
                }
                logNext = page.next;
                say('log-message', '');
            } catch (error) {
                say('log-message', error.message);
            }
        }
        setTimeout(followLog, 1000);
    }

    async function showProjections() {
        try {
            const statuses = await get('/projections');
            element('projection-statuses').replaceChildren();
            for (const status of statuses) {
                addRow(element('projection-statuses'), [status.name, status.generation, status.serving ? 'yes' : 'no',
                    status.state, status.position, status.lag, status.lastError], false);
            }
            say('projections-message', statuses.length ? '' : 'This application has no projections.');
        } catch (error) {
            say('projections-message', error.message);
        }
        setTimeout(showProjections, 2000);
    }

    element('sequence-form').addEventListener('submit', event => {
        event.preventDefault();
        showSequence(element('sequence-id').value.trim(), false);
    });
    element('sequence-more').addEventListener('click', () => showSequence(sequence.id, true));
    followLog();
    showProjections();
})();
