// Live preview in the sector rule editor: how many of the last 500 articles the rule would match.
(function () {
  var field = document.getElementById("id_query");
  var box = document.getElementById("rule-preview");
  if (!field || !box) { return; }
  var url = box.getAttribute("data-url");
  var timer = null;
  function show(data) {
    box.textContent = "";
    var line = document.createElement("p");
    if (!data.ok) {
      line.className = "error";
      line.textContent = data.error;
      box.appendChild(line);
      return;
    }
    line.textContent = "Quy tắc sẽ khớp " + data.matched + " trên " + data.total + " bài gần nhất.";
    box.appendChild(line);
    if (data.examples.length) {
      var list = document.createElement("ul");
      data.examples.forEach(function (example) {
        var item = document.createElement("li");
        item.textContent = example.title;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
  }
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(url + "?query=" + encodeURIComponent(field.value), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(show)
        .catch(function () {});
    }, 300);
  });
})();
