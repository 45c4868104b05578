/* Optional help on the complaint form: the region lists fill themselves as
 * each level is chosen, and typing a shop name offers matching designated
 * outlets. Without this file the form works the same, a step at a time. */
(function () {
	'use strict';
	var form = document.querySelector('form.complaint');
	if (!form || !window.fetch)
		return;
	var LEVELS = [['province', '省'], ['city', '市'],
	    ['county', '县（市、区）'], ['region', '乡镇（街道）']];
	var next = form.querySelector('button[value="region"]');

	function api(path) {
		return fetch(path, { headers: { Accept: 'application/json' } })
		    .then(function (r) {
			if (!r.ok)
				throw new Error('HTTP ' + r.status);
			return r.json();
		    });
	}

	function levelOf(id) {
		for (var i = 0; i < LEVELS.length; i++)
			if (LEVELS[i][0] === id)
				return i;
		return -1;
	}

	// The select of a level, made after the level above when missing.
	function selectFor(level) {
		var id = LEVELS[level][0], sel = document.getElementById(id);
		if (sel)
			return sel;
		var above = document.getElementById(LEVELS[level - 1][0]);
		var div = document.createElement('div');
		var label = document.createElement('label');
		div.className = 'field';
		label.htmlFor = id;
		label.textContent = LEVELS[level][1];
		sel = document.createElement('select');
		sel.id = sel.name = id;
		div.appendChild(label);
		div.appendChild(sel);
		above.closest('.field').after(div);
		return sel;
	}

	function dropBelow(level) {
		for (var i = level + 1; i < LEVELS.length; i++) {
			var sel = document.getElementById(LEVELS[i][0]);
			if (sel)
				sel.closest('.field').remove();
		}
	}

	form.addEventListener('change', function (e) {
		var level = levelOf(e.target.id);
		if (level < 0 || level === LEVELS.length - 1)
			return;
		dropBelow(level);
		if (!e.target.value)
			return;
		api('/api/v1/regions?parent=' + encodeURIComponent(e.target.value))
		    .then(function (j) {
			var sel = selectFor(level + 1);
			sel.replaceChildren(new Option('请选择', ''));
			j.regions.forEach(function (r) {
				sel.add(new Option(r.name, r.code));
			});
		    })
		    .catch(function () {
			// The server-side step still works.
			if (next)
				next.hidden = false;
		    });
	});
	if (next) {
		next.hidden = true;
		var hint = document.getElementById('region-hint');
		if (hint)
			hint.textContent = '户籍所在地（逐级选择）';
	}

	// The outlet picker: a shop name typed here may be a designated outlet.
	var name = document.getElementById('outlet_name');
	var address = document.getElementById('outlet_address');
	if (!name)
		return;
	var list = document.createElement('ul');
	var chosen = document.createElement('p');
	var timer, asked = '';
	list.className = 'picker';
	list.setAttribute('aria-live', 'polite');
	name.closest('.field').after(list);
	chosen.className = 'ok';
	chosen.hidden = true;
	list.after(chosen);

	function choose(o) {
		var id = document.createElement('input');
		var undo = document.createElement('button');
		id.type = 'hidden';
		id.name = 'outlet';
		id.value = o.id;
		chosen.replaceChildren('指定网点：', Object.assign(
		    document.createElement('strong'), { textContent: o.name }),
		    '（备案编号 ' + o.reg_no + '，' + o.address + '） ', id, undo);
		undo.type = 'button';
		undo.className = 'link';
		undo.textContent = '不是这家，重新填写';
		undo.addEventListener('click', function () {
			chosen.hidden = true;
			chosen.replaceChildren();
			[name, address].forEach(function (f) {
				if (f) {
					f.disabled = false;
					f.closest('.field').hidden = false;
				}
			});
			name.focus();
		});
		[name, address].forEach(function (f) {
			if (f) {
				f.disabled = true;
				f.closest('.field').hidden = true;
			}
		});
		list.replaceChildren();
		chosen.hidden = false;
		undo.focus();
	}

	function offer(outlets) {
		list.replaceChildren();
		outlets.slice(0, 5).forEach(function (o) {
			var li = document.createElement('li');
			var b = document.createElement('button');
			b.type = 'button';
			b.className = 'secondary';
			b.textContent = '是这家：' + o.name + '（' + o.township + '，' +
			    o.status_name + '）';
			b.addEventListener('click', function () { choose(o); });
			li.appendChild(b);
			list.appendChild(li);
		});
	}

	name.addEventListener('input', function () {
		clearTimeout(timer);
		timer = setTimeout(function () {
			var q = name.value.trim();
			if (q.length < 2 || q === asked)
				return;
			asked = q;
			api('/api/v1/outlets?status=all&q=' + encodeURIComponent(q))
			    .then(function (j) {
				if (name.value.trim() === q)
					offer(j.outlets);
			    })
			    .catch(function () { list.replaceChildren(); });
		}, 300);
	});
}());
