// Buttons marked data-copy="<input id>" copy that input's value (the pages allow no inline script).
// They stay hidden where the browser cannot write to the clipboard; the input can still be selected.
document.querySelectorAll('[data-copy]').forEach(function (button) {
	var input = document.getElementById(button.getAttribute('data-copy'));
	if (!input || !navigator.clipboard) {
		return;
	}
	button.hidden = false;
	button.addEventListener('click', function () {
		navigator.clipboard.writeText(input.value).then(function () {
			button.textContent = button.getAttribute('data-copied');
		});
	});
});
