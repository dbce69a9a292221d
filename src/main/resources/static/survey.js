// Progressive enhancement: hide items whose show-if condition does not hold, as answers change.
// Without JavaScript every item is shown with a hint, and the server drops answers to hidden items.
(function () {
  'use strict';
  var form = document.getElementById('survey-form');
  if (!form) { return; }
  var conditional = form.querySelectorAll('[data-show-item]');
  function chosen(code) {
    var values = [];
    form.querySelectorAll('[name="q_' + code + '"]').forEach(function (input) {
      if ((input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value) { values.push(input.value); }
    });
    return values;
  }
  function visible(element) {
    var item = form.querySelector('#item-' + element.getAttribute('data-show-item'));
    if (item && item.hidden) { return false; }
    var wanted = element.getAttribute('data-show-values').split(' ');
    return chosen(element.getAttribute('data-show-item')).some(function (value) { return wanted.indexOf(value) >= 0; });
  }
  function update() {
    conditional.forEach(function (element) {
      element.hidden = !visible(element);
      var hint = element.querySelector('.hint');
      if (hint) { hint.hidden = true; }
    });
  }
  form.addEventListener('change', update);
  update();
}());
