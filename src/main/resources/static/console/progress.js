// Live progress on the console's dashboard: one EventSource follows every open campaign
// shown and rewrites its numbers; without this script the page shows the numbers at load.
(function () {
	'use strict';
	var main = document.querySelector('.progress-dashboard');
	var sections = document.querySelectorAll('.progress-campaign[data-live]');
	if (!main || !sections.length || !window.EventSource) {
		return;
	}
	var labels = {
		behind: main.getAttribute('data-label-behind'),
		onPace: main.getAttribute('data-label-on-pace'),
		met: main.getAttribute('data-label-met'),
		noTarget: main.getAttribute('data-label-no-target'),
		draft: main.getAttribute('data-label-draft')
	};
	// a stream follows at most 50 campaigns (ProgressService.MAX_CAMPAIGNS): one per 50
	var parameters = Array.prototype.map.call(sections, function (section) {
		return 'campaign=' + encodeURIComponent(section.getAttribute('data-campaign'));
	});
	var queries = [];
	for (var i = 0; i < parameters.length; i += 50) {
		queries.push(parameters.slice(i, i + 50).join('&'));
	}

	function count(n) {
		return Number(n).toLocaleString('vi-VN');
	}

	function percent(p) {
		return (p === null || p === undefined) ? '—'
			: Number(p).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	}

	function set(root, selector, text) {
		var element = root.querySelector(selector);
		if (element) {
			element.textContent = text;
		}
		return element;
	}

	function status(unit, state) {
		if (unit.target === null || unit.target === undefined) {
			return labels.noTarget;
		}
		if (unit.behind) {
			return labels.behind;
		}
		if (unit.responses >= unit.target) {
			return labels.met;
		}
		return state === 'draft' ? labels.draft : labels.onPace;
	}

	function update(progress) {
		var section = document.getElementById('campaign-' + progress.campaign);
		if (!section) {
			return;
		}
		var totals = progress.totals;
		set(section, '[data-total="responses"]', count(totals.responses));
		set(section, '[data-total="percent"]', percent(totals.percent));
		set(section, '[data-total="unitsBehind"]', String(totals.unitsBehind));
		var behindLine = section.querySelector('.progress-behind');
		if (behindLine) {
			behindLine.classList.toggle('has-behind', totals.unitsBehind > 0);
		}
		var bar = section.querySelector('[data-total="bar"]');
		if (bar && totals.target) {
			bar.value = Math.min(totals.responses, totals.target);
		}
		progress.units.forEach(function (unit) {
			var row = section.querySelector('tr[data-unit="' + CSS.escape(unit.code) + '"]');
			if (!row) {
				return;
			}
			row.classList.toggle('behind', unit.behind);
			set(row, '[data-field="responses"]', count(unit.responses));
			set(row, '[data-field="percent"]', percent(unit.percent));
			set(row, '[data-field="expected"]', unit.expected === null ? '—' : count(unit.expected));
			var badge = row.querySelector('[data-field="status"] span');
			if (badge) {
				badge.textContent = status(unit, progress.state);
				badge.classList.toggle('progress-status-behind', unit.behind);
			}
		});
	}

	queries.forEach(function (query) {
		var source = new EventSource('/api/v1/progress/stream?' + query);
		source.addEventListener('progress', function (event) {
			main.setAttribute('data-stream', 'live');
			update(JSON.parse(event.data));
		});
		source.addEventListener('error', function () {
			main.setAttribute('data-stream', 'reconnecting');
		});
	});
}());
