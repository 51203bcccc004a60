"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const COLUMNS = ["child", "table", "line", "rule", "values", "message"];
  const WHO = data.subject || ["child", "children", "Child", "Children"];
  const TITLES = { child: WHO[2], table: "Table", line: "Line", rule: "Rule", values: "Values", message: "Message" };
  const PAGE = 200;
  const findings = data.findings.map(function (f, index) {
    const rule = data.rules[f[3]] || ["error", "", ""];
    return { index: index, child: f[0], table: f[1], line: f[2], rule: f[3], severity: f[4],
      values: f[5], detail: f[6], row: f[7], fields: f[8] || [], related: f[9] || [],
      message: rule[1], guidance: rule[2] };
  });
  const state = { text: "", severity: "", rule: "", table: "", sort: "child", direction: 1, shown: PAGE };

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else if (key === "className") node.className = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  // One collator for every comparison: localeCompare with options builds one per call, which
  // takes seconds when sorting tens of thousands of findings.
  const collator = new Intl.Collator(undefined, { numeric: true });
  function naturalCompare(a, b) {
    if (a === b) return 0;
    if (a === null || a === "") return 1;
    if (b === null || b === "") return -1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return collator.compare(String(a), String(b));
  }

  // Tabs: #summary, #findings, #children and #child/ID, so the back button and links work.
  function route() {
    const hash = decodeURIComponent(location.hash.slice(1)) || "summary";
    const page = hash.indexOf("child/") === 0 ? "children" : hash;
    document.querySelectorAll("main > section").forEach(function (section) {
      // Sections are not named like the fragment, so the browser does not scroll to them.
      section.hidden = section.id !== "page-" + page;
    });
    document.querySelectorAll("nav a").forEach(function (link) {
      if (link.getAttribute("href") === "#" + page) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    if (page === "findings" && !tabulated) { tabulated = true; renderFindings(); }
    if (page === "children") {
      // The list is drawn when first needed: a census may have tens of thousands of children.
      if (!listed) { listed = true; renderChildList(""); }
      showChild(hash.indexOf("child/") === 0 ? hash.slice(6) : null);
    }
    window.scrollTo(0, 0);
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function fillSelect(id, values, label) {
    const select = document.getElementById(id);
    select.appendChild(element("option", { value: "", text: label }));
    values.forEach(function (value) { select.appendChild(element("option", { value: value, text: value })); });
    select.addEventListener("change", function () { state[select.name] = select.value; state.shown = PAGE; renderFindings(); });
  }

  function matches(f) {
    if (state.severity && f.severity !== state.severity) return false;
    if (state.rule && f.rule !== state.rule) return false;
    if (state.table && f.table !== state.table) return false;
    if (!state.text) return true;
    const haystack = [f.child, f.table, f.rule, f.values, f.detail, f.message].join(" ").toLowerCase();
    return haystack.indexOf(state.text) !== -1;
  }

  // The rows a finding compared its own with: " (compared with Episodes line 112)".
  function relatedText(f) {
    if (!f.related.length) return "";
    return " (compared with " + f.related.map(function (r) {
      return r[0] + (r[2] === null ? "" : " line " + r[2]);
    }).join(", ") + ")";
  }

  function renderFindings() {
    const rows = findings.filter(matches);
    rows.sort(function (a, b) {
      return naturalCompare(a[state.sort], b[state.sort]) * state.direction || a.index - b.index;
    });
    const body = document.getElementById("findings-body");
    const fragment = document.createDocumentFragment();
    rows.slice(0, state.shown).forEach(function (f) {
      const values = (f.detail ? (f.values + " " + f.detail).trim() : f.values) + relatedText(f);
      fragment.appendChild(element("tr", { "data-severity": f.severity }, [
        element("td", { "data-label": WHO[2] }, [element("a", { href: "#child/" + encodeURIComponent(f.child || ""), text: f.child || "" })]),
        element("td", { "data-label": "Table", text: f.table }),
        element("td", { "data-label": "Line", text: f.line === null ? "" : String(f.line) }),
        element("td", { "data-label": "Rule", className: "code sev-" + f.severity, text: f.rule }),
        element("td", { "data-label": "Values", text: values }),
        element("td", { "data-label": "Message", title: f.guidance, text: f.message }),
      ]));
    });
    body.replaceChildren(fragment);
    document.getElementById("findings-count").textContent =
      "Showing " + Math.min(state.shown, rows.length) + " of " + rows.length + " findings" +
      (rows.length !== findings.length ? " (filtered from " + findings.length + ")" : "") + ".";
    document.getElementById("findings-more").hidden = rows.length <= state.shown;
    document.querySelectorAll("#findings-table th").forEach(function (th) {
      const key = th.getAttribute("data-key");
      if (key === state.sort) th.setAttribute("aria-sort", state.direction === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  function setUpFindings() {
    const head = document.getElementById("findings-head");
    COLUMNS.forEach(function (key) {
      const button = element("button", { type: "button", text: TITLES[key] });
      button.addEventListener("click", function () {
        state.direction = state.sort === key ? -state.direction : 1;
        state.sort = key;
        renderFindings();
      });
      head.appendChild(element("th", { "data-key": key, scope: "col" }, [button]));
    });
    fillSelect("filter-severity", unique(findings.map(function (f) { return f.severity; })), "Any severity");
    fillSelect("filter-rule", unique(findings.map(function (f) { return f.rule; })), "Any rule");
    fillSelect("filter-table", unique(findings.map(function (f) { return f.table; })), "Any table");
    document.getElementById("filter-text").addEventListener("input", function (event) {
      state.text = event.target.value.trim().toLowerCase();
      state.shown = PAGE;
      renderFindings();
    });
    document.getElementById("findings-more").addEventListener("click", function () {
      state.shown += PAGE;
      renderFindings();
    });
  }
  // The findings table is drawn when its tab is first opened.
  let tabulated = false;

  function unique(values) {
    return Array.from(new Set(values)).sort(naturalCompare);
  }

  const byChild = new Map();
  findings.forEach(function (f) {
    if (!f.child) return;
    if (!byChild.has(f.child)) byChild.set(f.child, []);
    byChild.get(f.child).push(f);
  });
  const children = Array.from(byChild.keys()).sort(naturalCompare);

  // Every child with findings is listed: the first ones at once, the rest in chunks after,
  // so that a census of 60,000 children opens quickly and still lists them all.
  const CHUNK = 2000;
  let listing = 0;
  let listed = false;
  function renderChildList(filter) {
    const list = document.getElementById("child-list");
    const wanted = children.filter(function (child) { return child.toLowerCase().indexOf(filter) !== -1; });
    const run = ++listing;
    list.replaceChildren();
    document.getElementById("child-count").textContent = filter
      ? plural(wanted.length, WHO[0], WHO[1]) + " of " + children.length + " match."
      : plural(children.length, WHO[0] + " has", WHO[1] + " have") + " findings.";
    function add(start) {
      if (run !== listing) return;
      const fragment = document.createDocumentFragment();
      wanted.slice(start, start + CHUNK).forEach(function (child) {
        const items = byChild.get(child);
        const errors = items.filter(function (f) { return f.severity === "error"; }).length;
        const link = element("a", { href: "#child/" + encodeURIComponent(child), "data-child": child }, [
          element("span", { text: child }),
          element("span", { className: "muted", text: plural(errors, "error", "errors") + ", " + plural(items.length - errors, "query", "queries") }),
        ]);
        fragment.appendChild(link);
      });
      list.appendChild(fragment);
      if (start + CHUNK < wanted.length) window.setTimeout(function () { add(start + CHUNK); }, 0);
      else {
        highlightChild();
        // How long the whole list took, for people checking it and for the benchmark.
        document.body.setAttribute("data-listed-ms", String(Math.round(performance.now())));
      }
    }
    add(0);
  }

  let currentChild = null;
  function highlightChild() {
    document.querySelectorAll("#child-list [aria-current=true]").forEach(function (link) {
      link.removeAttribute("aria-current");
    });
    if (currentChild === null) return;
    const current = document.querySelector('#child-list [data-child="' + CSS.escape(currentChild) + '"]');
    if (current) current.setAttribute("aria-current", "true");
  }

  function showChild(child) {
    currentChild = child;
    highlightChild();
    const panel = document.getElementById("child-panel");
    if (!child || !byChild.has(child)) {
      panel.replaceChildren(element("p", { className: "muted", text: children.length
        ? "Choose a " + WHO[0] + " to see what to fix in their record."
        : "No " + WHO[0] + " has findings." }));
      return;
    }
    const items = byChild.get(child);
    const nodes = [element("h2", { text: WHO[2] + " " + child }),
      element("p", { className: "muted", text: plural(items.length, "finding", "findings") })];
    items.forEach(function (f) {
      const where = f.table + (f.line === null ? "" : ", line " + f.line);
      const values = f.detail ? (f.values + " " + f.detail).trim() : f.values;
      nodes.push(element("div", { className: "finding " + f.severity }, [
        element("p", {}, [element("span", { className: "code sev-" + f.severity, text: f.rule }),
          document.createTextNode(" " + f.message)]),
        element("p", { className: "muted", text: where + (values ? ": " + values : "") + relatedText(f) }),
        element("p", { className: "guidance", text: f.guidance }),
      ]));
    });
    nodes.push.apply(nodes, childRecords(child, items));
    panel.replaceChildren.apply(panel, nodes);
  }

  // The child's own rows of every table, the offending cells marked (with their rules) and
  // the rows a finding compared marked as related.
  // Each table's rows by child, indexed once, when a child's page is first opened.
  let recordsByChild = null;
  function indexRecords() {
    recordsByChild = {};
    Object.keys(data.records || {}).forEach(function (table) {
      const index = new Map();
      data.records[table].rows.forEach(function (row) {
        if (!index.has(row[0])) index.set(row[0], []);
        index.get(row[0]).push(row.slice(1));
      });
      recordsByChild[table] = index;
    });
  }

  function childRecords(child, items) {
    const records = data.records || {};
    if (recordsByChild === null) indexRecords();
    const bad = new Map();
    const related = new Map();
    items.forEach(function (f) {
      f.fields.forEach(function (field) {
        const key = f.table + "\u0000" + f.row + "\u0000" + field;
        bad.set(key, (bad.has(key) ? bad.get(key) + ", " : "") + f.rule);
      });
      f.related.forEach(function (r) {
        const key = r[0] + "\u0000" + r[1];
        related.set(key, (related.has(key) ? related.get(key) + ", " : "") + f.rule);
      });
    });
    const nodes = [];
    Object.keys(records).forEach(function (table) {
      const rows = recordsByChild[table].get(child);
      if (!rows) return;
      const columns = records[table].columns;
      const head = element("tr", {}, [element("th", { scope: "col", text: "Line" })].concat(
        columns.map(function (name) { return element("th", { scope: "col", text: name }); })));
      const body = rows.map(function (row) {
        const link = related.get(table + "\u0000" + row[0]);
        const cells = [element("td", { text: row[1] === null ? "" : String(row[1]) })];
        columns.forEach(function (name, position) {
          const rules = bad.get(table + "\u0000" + row[0] + "\u0000" + name);
          const value = row[position + 2];
          const attributes = { text: value === null ? "" : value };
          if (rules) { attributes.className = "bad"; attributes.title = rules; }
          cells.push(element("td", attributes));
        });
        const attributes = link ? { className: "related", title: "compared by " + link } : {};
        return element("tr", attributes, cells);
      });
      nodes.push(element("h3", { text: table }));
      nodes.push(element("div", { className: "records" }, [element("table", { className: "records" }, [
        element("thead", {}, [head]), element("tbody", {}, body)])]));
    });
    if (nodes.length) nodes.unshift(element("h2", { text: "Records" }));
    return nodes;
  }

  setUpFindings();
  document.getElementById("child-search").addEventListener("input", function (event) {
    renderChildList(event.target.value.trim().toLowerCase());
  });
  window.addEventListener("hashchange", route);
  route();
  // Says which layout the width chose, for people checking it and for the browser tests.
  const narrow = window.matchMedia("(max-width: 700px)");
  function layout() { document.body.setAttribute("data-layout", narrow.matches ? "narrow" : "wide"); }
  narrow.addEventListener("change", layout);
  layout();
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "true");
})();
