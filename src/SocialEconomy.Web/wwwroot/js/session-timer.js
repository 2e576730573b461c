// KRDS header session timer: counts the idle time left, warns five minutes before the
// session ends, and renews it with "시간 연장" (a POST that slides the cookie). No inline
// script: the CSP forbids it.
(function () {
  "use strict";
  var box = document.querySelector("[data-session-timer]");
  if (!box) { return; }
  var total = parseInt(box.getAttribute("data-idle-seconds"), 10) || 1800;
  var clock = box.querySelector("[data-session-clock]");
  var warning = box.querySelector("[data-session-warning]");
  var form = box.querySelector("[data-session-extend]");
  var deadline = Date.now() + total * 1000;
  var warned = false;

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    clock.textContent = pad(Math.floor(left / 60)) + ":" + pad(left % 60);
    if (left <= 300 && !warned) {
      warned = true;
      warning.textContent = "5분 뒤 자동으로 로그아웃됩니다. 계속하려면 '시간 연장'을 누르세요.";
    }
    if (left === 0) {
      window.location.href = box.getAttribute("data-signin-url");
    }
  }

  function tokenFrom(formElement) {
    var input = document.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = new FormData(form);
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRF-TOKEN": tokenFrom(form) } })
      .then(function (response) {
        if (response.ok) {
          deadline = Date.now() + total * 1000;
          warned = false;
          warning.textContent = "로그인 시간을 연장했습니다.";
          tick();
        } else {
          window.location.href = box.getAttribute("data-signin-url");
        }
      });
  });

  tick();
  window.setInterval(tick, 1000);
}());
