# t_forms_html.py FILE MODE [NAME] - reads a page of the forms tests (tests/web/t_forms*.sh):
#   check: the tags are balanced and ids unique ("ok", or the problems); value NAME: the value
#   shown in control f-NAME; err NAME: the error beside f-NAME in its div.field ("<none>");
#   text ID: the text of the element with that id.
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.fields = []          # (control ids, {id: value}, {err id: text})
        self.cur = None           # the div.field being read
        self.cur_depth = 0
        self.sel = None           # the select being read: [id, value]
        self.text_of = None       # id of the element whose text is being read
        self.texts = {}
        self.values = {}
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.problems.append("duplicate id " + a["id"])
            self.ids.add(a["id"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "div" and "field" in (a.get("class") or "").split():
            self.cur = {"controls": [], "errs": {}}
            self.cur_depth = len(self.stack)
            self.fields.append(self.cur)
        if tag in ("input", "select", "textarea") and "id" in a:
            if self.cur is not None:
                self.cur["controls"].append(a["id"])
            if tag == "input":
                if a.get("type") == "checkbox":
                    self.values[a["id"]] = a.get("value", "") if "checked" in a else ""
                else:
                    self.values[a["id"]] = a.get("value", "")
            elif tag == "select":
                self.sel = a["id"]
                self.values[a["id"]] = None
        if tag == "option" and self.sel is not None:
            # the selected option, else the first (what a browser sends)
            if self.values[self.sel] is None or "selected" in a:
                self.values[self.sel] = a.get("value", "")
        if "id" in a and tag not in ("input", "select"):
            self.text_of = a["id"]
            self.texts[a["id"]] = ""
            self.text_depth = len(self.stack)
            if self.cur is not None and a["id"].startswith("e-"):
                self.cur["errs"][a["id"]] = True

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        if self.text_of is not None and len(self.stack) == self.text_depth:
            self.text_of = None
        self.stack.pop()
        if tag == "select":
            self.sel = None
        if self.cur is not None and tag == "div" and len(self.stack) < self.cur_depth:
            self.cur = None

    def handle_data(self, data):
        if self.text_of is not None:
            self.texts[self.text_of] += data


p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
mode = sys.argv[2]
if mode == "check":
    probs = p.problems + (["unclosed: " + " ".join(p.stack)] if p.stack else [])
    print("ok" if not probs else "; ".join(probs[:5]))
elif mode == "value":       # value NAME: the value shown in control f-NAME
    v = p.values.get("f-" + sys.argv[3])
    print("<no control>" if v is None else v, end="")
elif mode == "err":         # err NAME: the error beside f-NAME (same div.field), or <none>
    name = sys.argv[3]
    for f in p.fields:
        if "f-" + name in f["controls"]:
            print(p.texts.get("e-" + name, "<none>") if "e-" + name in f["errs"] else "<none>", end="")
            break
    else:
        print("<no field>", end="")
elif mode == "text":        # text ID: the text of the element with that id
    print(p.texts.get(sys.argv[3], "<no element>"), end="")
