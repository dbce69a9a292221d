// Buttons marked data-print open the browser's print dialog (the pages allow no inline script).
document.querySelectorAll('[data-print]').forEach(function (button) {
	button.addEventListener('click', function () { window.print(); });
});
