// Search on the search page (sok/index.html): filters window.rvSearchIndex (written by
// the build into sokeindeks.js) by the words typed, the type and the region, and lists
// services and reports. Without JavaScript the page lists every service instead.
// Words match anywhere inside a word, so "sarkom" finds "bensarkom".
(function () {
  "use strict";
  var index = window.rvSearchIndex;
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!index || !form || !list || !status) {
    return;
  }
  var language = index.language || "nb";
  var query = form.elements.namedItem("q");
  var type = form.elements.namedItem("type");
  var region = form.elements.namedItem("region");
  var root = "../";

  function fold(text) {
    return (text || "").normalize("NFC").toLocaleLowerCase(language);
  }

  // A service's entry holds the words of all its reports once; a report's "bits" say which
  // of them it has (base64, one bit per word, lowest bit first).
  var vocabularies = {};
  index.entries.forEach(function (entry) {
    if (entry.kind === "service") {
      vocabularies[entry.href] = { words: fold(entry.vocabulary).split(" "), found: {} };
    }
  });

  function bitsOf(text) {
    var binary = atob(text || "");
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  var entries = index.entries.map(function (entry, position) {
    return {
      entry: entry,
      position: position,
      name: fold(entry.name + " " + entry.name_en),
      codes: fold(entry.codes),
      rest: fold([entry.title, entry.type_label, entry.region_names, entry.summary, entry.words].join(" ")),
      vocabulary: entry.kind === "report" ? vocabularies[entry.service_href] : null,
      bits: entry.kind === "report" ? bitsOf(entry.bits) : null
    };
  });

  // Whether a report has a word containing `term`: the service's words that contain it are
  // found once per term, then each report of the service looks up its bits.
  function inReport(item, term) {
    var vocabulary = item.vocabulary;
    if (!vocabulary || !item.bits) {
      return false;
    }
    var found = vocabulary.found[term];
    if (!found) {
      found = [];
      for (var i = 0; i < vocabulary.words.length; i++) {
        if (vocabulary.words[i].indexOf(term) >= 0) {
          found.push(i);
        }
      }
      vocabulary.found[term] = found;
    }
    for (var j = 0; j < found.length; j++) {
      if (item.bits[found[j] >> 3] & (1 << (found[j] & 7))) {
        return true;
      }
    }
    return false;
  }

  function terms(text) {
    return fold(text).split(/[\s,;:!?()«»"'“”]+/).filter(function (term) {
      return term.length > 0;
    });
  }

  // A score above zero when every term occurs in the entry; names weigh most.
  function score(item, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (item.name.indexOf(word) >= 0) {
        total += 10;
      } else if (item.codes.indexOf(word) >= 0) {
        total += 5;
      } else if (item.rest.indexOf(word) >= 0 || inReport(item, word)) {
        total += 1;
      } else {
        return 0;
      }
    }
    return words.length === 0 ? 1 : total;
  }

  function matches(item, words) {
    var entry = item.entry;
    if (type.value && entry.type !== type.value) {
      return 0;
    }
    if (region.value && entry.regions.indexOf(region.value) < 0) {
      return 0;
    }
    if (words.length === 0 && entry.kind !== "service") {
      return 0; // without words: the services, not every report
    }
    return score(item, words);
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function render(found) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    found.forEach(function (item) {
      var entry = item.entry;
      var li = element("li");
      var link = element("a", "result-title",
        entry.kind === "report" ? entry.name + " – " + entry.title : entry.name);
      link.href = root + entry.href;
      li.appendChild(link);
      if (entry.kind === "service" && entry.name_en) {
        var english = element("span", "name-en", " (" + entry.name_en + ")");
        english.lang = "en";
        li.appendChild(document.createTextNode(" "));
        li.appendChild(english);
      }
      var meta = [entry.type_label, entry.region_names];
      if (entry.codes) {
        meta.push("ICD-10: " + entry.codes);
      }
      li.appendChild(element("span", "result-meta", meta.join(" · ")));
      if (entry.summary) {
        li.appendChild(element("span", "result-summary", entry.summary));
      }
      list.appendChild(li);
    });
    var count = found.length;
    status.textContent = count === 0 ? form.dataset.none
      : count === 1 ? form.dataset.countOne
        : form.dataset.count.replace("{0}", String(count));
  }

  function search() {
    var words = terms(query.value);
    var found = [];
    entries.forEach(function (item) {
      var value = matches(item, words);
      if (value > 0) {
        found.push({ entry: item.entry, score: value, position: item.position });
      }
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.position - b.position;
    });
    render(found);
  }

  function remember() {
    var params = new URLSearchParams();
    if (query.value) {
      params.set("q", query.value);
    }
    if (type.value) {
      params.set("type", type.value);
    }
    if (region.value) {
      params.set("region", region.value);
    }
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  var params = new URLSearchParams(location.search);
  query.value = params.get("q") || "";
  type.value = params.get("type") || "";
  region.value = params.get("region") || "";
  if (type.selectedIndex < 0) {
    type.value = "";
  }
  if (region.selectedIndex < 0) {
    region.value = "";
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember();
      search();
    }, 150);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember();
    search();
  });
  query.addEventListener("input", later);
  type.addEventListener("change", later);
  region.addEventListener("change", later);
  search();
})();
