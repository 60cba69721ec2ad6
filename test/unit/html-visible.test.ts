import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/mail/html";
import { htmlOwnText } from "../../src/mail/html-own-text";
import { styleSheetFacts } from "../../src/mail/html-readable";

describe("text no one sees is not read", () => {
  it.each([
    ["display:none", `<div style="display:none">pause</div><div>Thanks!</div>`],
    ["visibility:hidden", `<div>Thanks!</div><span style="visibility: hidden">pause</span>`],
    ["the hidden attribute", `<div>Thanks!</div><div hidden>pause</div>`],
    ["font-size:0", `<div>Thanks!</div><div style="font-size:0px;line-height:0">pause</div>`],
    ["opacity:0", `<div>Thanks!</div><p style="opacity:0">pause</p>`],
    ["a preheader, nested", `<div style="display:none;max-height:0;overflow:hidden"><div><div>pause</div></div>more</div><div>Thanks!</div>`],
    ["Outlook's mso-hide", `<div>Thanks!</div><div style="mso-hide:all">pause</div>`],
  ])("%s", (_label, html) => {
    expect(htmlToText(html)).toBe("Thanks!");
    expect(htmlOwnText(html)).toBe("Thanks!");
  });

  it("a hidden element never closed hides the rest, as in a browser", () => {
    expect(htmlToText(`<div>Thanks!</div><div style="display:none">pause<div>language da</div>`)).toBe("Thanks!");
  });

  it("white text is left out of what the owner's commands are read from, and kept in what is captured", () => {
    const html = `<div>Thanks!</div><div style="color:#ffffff">pause</div><div style="background-color:#fff">done 1</div>`;
    expect(htmlOwnText(html)).toBe("Thanks!\ndone 1");
    expect(htmlToText(html)).toBe("Thanks!\npause\ndone 1");
  });

  it("visible text around hidden elements, and styles that only look alike, stay", () => {
    expect(htmlToText(`<p>Hej <span style="display:inline">Anna</span>, <b style="font-size:0.9em">tak</b></p><img hidden src="x.png"><p>Mvh</p>`)).toBe(
      "Hej Anna, tak\nMvh",
    );
    expect(htmlToText(`<div title="a hidden gem">Thanks!</div><input type="hidden" value="x"><div>Mvh</div>`)).toBe("Thanks!\nMvh");
  });
});

describe("the owner's commands are read only from text whose styling surely shows it", () => {
  /** The owner's visible line, then a line the owner could not see, as the red-team wrote them. */
  const mail = (hidden: string, head = "") => `<html><head>${head}</head><body><div>status</div>${hidden}</body></html>`;

  it.each([
    ["<font color> white", `<font color="#ffffff">pause</font>`],
    ["<font color> white without the #", `<font color="ffffff">pause</font>`],
    ["color:transparent", `<div style="color:transparent">pause</div>`],
    ["color:rgb(255 255 255), the space syntax", `<div style="color:rgb(255 255 255)">pause</div>`],
    ["color:hsl(0 0% 100%)", `<div style="color:hsl(0 0% 100%)">pause</div>`],
    ["a light grey below 4.5:1", `<div style="color:#bbbbbb">pause</div>`],
    ["black at 10% alpha", `<div style="color:rgba(0,0,0,.1)">pause</div>`],
    ["dark text on a dark background", `<div style="color:#000;background:#000">pause</div>`],
    ["a dark table cell (bgcolor)", `<table><tr><td bgcolor="#111111">pause</td></tr></table>`],
    ["<body text> white", `</body><body text="#fff"><div>pause</div>`],
    ["font-size:1px", `<div style="font-size:1px;line-height:1px">pause</div>`],
    ["font-size:0.1px", `<div style="font-size:0.1px">pause</div>`],
    ["font-size:.3em", `<div style="font-size:.3em">pause</div>`],
    ["the font shorthand 0/0", `<div style="font:0/0 a">pause</div>`],
    ["nested <small>", `<small><small><small><small><small><small>pause</small></small></small></small></small></small>`],
    ["display:/**/none, a CSS comment", `<div style="display:/**/none">pause</div>`],
    ["display:&#110;one, an entity in the attribute", `<div style="display:&#110;one">pause</div>`],
    ["display:\\6e one, a CSS escape", `<div style="display:\\6e one">pause</div>`],
    ["height:0;overflow:hidden", `<div style="height:0;overflow:hidden">pause</div>`],
    ["max-height:1px", `<div style="max-height:1px">pause</div>`],
    ["position:absolute;left:-9999px", `<div style="position:absolute;left:-9999px">pause</div>`],
    ["position:relative;left:-9999px", `<div style="position:relative;left:-9999px">pause</div>`],
    ["margin-left:-9999px", `<div style="margin-left:-9999px">pause</div>`],
    ["text-indent:-9999px;overflow:hidden", `<div style="text-indent:-9999px;overflow:hidden;white-space:nowrap">pause</div>`],
    ["opacity:.0", `<div style="opacity:.0">pause</div>`],
    ["opacity:10%", `<div style="opacity:10%">pause</div>`],
    ["transform:scale(0)", `<div style="transform:scale(0)">pause</div>`],
    ["clip-path:inset(50%)", `<div style="clip-path:inset(50%)">pause</div>`],
    ["mix-blend-mode", `<div style="mix-blend-mode:screen">pause</div>`],
    ["a property we do not know", `<div style="zoom:0.01">pause</div>`],
    ["unicode-bidi:bidi-override (shows another text)", `<div style="direction:rtl;unicode-bidi:bidi-override">pause</div>`],
    ["<template>", `<template><div>pause</div></template>`],
    ["<details> left closed", `<details><summary>More</summary>pause</details>`],
    ["<noscript>", `<noscript>pause</noscript>`],
  ])("%s", (_label, hidden) => {
    expect(htmlOwnText(mail(hidden))).toBe("status");
  });

  it.each([
    ["a class with display:none", `<style>.x{display:none}</style>`, `<div class="x">pause</div>`],
    ["a class in capitals (quirks mode matches classes case-insensitively)", `<style>.x{display:none}</style>`, `<div class="X">pause</div>`],
    ["an id", `<style>#x{visibility:hidden}</style>`, `<div id="x">pause</div>`],
    ["an element name", `<style>p{font-size:0}</style>`, `<p>pause</p>`],
    ["a descendant of a class", `<style>.wrap span{color:#fff}</style>`, `<div class="wrap"><span>pause</span></div>`],
    ["a rule inside @media", `<style>@media screen{.x{display:none}}</style>`, `<div class="x">pause</div>`],
    ["a :not() that selects the line", `<style>div:not(.shown){display:none}</style>`, `<div>pause</div>`],
    ["an attribute selector, which reaches anything", `<style>[data-x]{display:none}</style>`, `<div data-x>pause</div>`],
    ["a rule hidden behind a comment", `<style>/* x */.x{display:/**/none}</style>`, `<div class="x">pause</div>`],
    ["a font the mail brings, whose glyphs may be blank", `<style>@font-face{font-family:Blank;src:url(data:font/woff2;base64,AAAA)}</style>`, `<div style="font-family:Blank">pause</div>`],
    ["an @import, which brings rules we cannot see", `<style>@import url(https://evil.test/x.css);</style>`, `<div>pause</div>`],
    ["a linked stylesheet", `<link rel="stylesheet" href="https://evil.test/x.css">`, `<div>pause</div>`],
  ])("a <style> block may hide: %s", (_label, head, hidden) => {
    expect(htmlOwnText(mail(hidden, head))).not.toContain("pause");
  });

  it("an external stylesheet leaves nothing surely seen, so nothing is read", () => {
    expect(htmlOwnText(mail("<div>pause</div>", `<link rel="stylesheet" href="https://evil.test/x.css">`))).toBe("");
  });

  it.each([
    [
      "Outlook desktop: Word's whole style block, MsoNormal paragraphs, link colours on <body>",
      `<html><head><style><!--
@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face {font-family:Aptos;}
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Aptos",sans-serif; mso-ligatures:standardcontextual; mso-fareast-language:EN-US;}
a:link, span.MsoHyperlink {mso-style-priority:99; color:#467886; text-decoration:underline;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph {mso-style-priority:34; margin-top:0cm; margin-right:0cm; margin-bottom:0cm; margin-left:36.0pt; font-size:11.0pt; font-family:"Aptos",sans-serif;}
span.EmailStyle19 {mso-style-type:personal-reply; font-family:"Aptos",sans-serif; color:windowtext;}
.MsoChpDefault {mso-style-type:export-only; font-size:10.0pt; mso-ligatures:none;}
@page WordSection1 {size:612.0pt 792.0pt; margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1 {page:WordSection1;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7; text-indent:-18.0pt; font-family:Symbol;}
ol {margin-bottom:0cm;} ul {margin-bottom:0cm;}
--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]--></head>
<body lang=EN-GB link="#467886" vlink="#96607D" style='word-wrap:break-word'><div class=WordSection1>
<p class=MsoNormal><span style='font-size:11.0pt;color:#1F497D;mso-fareast-language:EN-US'>done 2<o:p></o:p></span></p>
<p class=MsoNormal style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='color:black'>note anna@holmraadgivning.dk met at <a href="https://foundersfriday.dk">Founders Friday</a><o:p></o:p></span></p>
</div></body></html>`,
      ["done 2", "note anna@holmraadgivning.dk met at Founders Friday"],
    ],
    [
      "Outlook web and iOS: Aptos 12pt, rgb(0, 0, 0), elementToProof",
      `<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">done 2</div><div dir="auto" style="font-family: Aptos, sans-serif; font-size: 12pt; color: rgb(33, 33, 33);">snooze 3 2w</div></body></html>`,
      ["done 2", "snooze 3 2w"],
    ],
    [
      "Apple Mail: WebKit's copied styles",
      `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;"><div style="caret-color: rgb(0, 0, 0); color: rgb(0, 0, 0); font-family: Helvetica; font-size: 12px; font-style: normal; font-variant-caps: normal; font-weight: 400; letter-spacing: normal; orphans: auto; text-align: start; text-indent: 0px; text-transform: none; white-space: normal; widows: auto; word-spacing: 0px; -webkit-text-stroke-width: 0px; text-decoration: none;">done 2</div><div><br id="lineBreakAtBeginningOfMessage"></div><div>never 4</div></body></html>`,
      ["done 2", "never 4"],
    ],
    [
      "Gmail: a coloured font, size small, a highlighted line, a linked address",
      `<div dir="ltr"><div class="gmail_default" style="font-family:arial,sans-serif;font-size:small;color:#073763">done 2</div><div><font color="#0b5394">snooze 3 2w</font></div><div><span style="background-color:rgb(255,255,0)">never 4</span></div><div>note <a href="mailto:anna@holmraadgivning.dk">anna@holmraadgivning.dk</a> met at Founders Friday</div></div>`,
      ["done 2", "snooze 3 2w", "never 4", "note anna@holmraadgivning.dk met at Founders Friday"],
    ],
    [
      "Thunderbird: a plain body, a small signature",
      `<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8"></head><body><p>done 2</p><p style="margin-bottom:0cm">never 4</p><div class="moz-signature"><small>-- <br>Camilla</small></div></body></html>`,
      ["done 2", "never 4", "--", "Camilla"],
    ],
  ])("readable styling keeps the owner's lines: %s", (_label, html, lines) => {
    expect(htmlOwnText(html).split("\n").filter(Boolean)).toEqual(lines);
  });
});

describe("styling that hides text or covers it is not read, whatever each element looks like alone", () => {
  /** The owner's line, then the markup a reviewer used to slip a hidden command into what is read. */
  const mail = (markup: string) => `<html><body><div>status</div>${markup}</body></html>`;

  it.each([
    ["clipped to nothing: width:0 with overflow:auto", `<div style="width:0;overflow:auto">ADD x@y.dk</div>`],
    ["clipped by a width an ancestor sets: overflow:scroll in width:0", `<div style="width:0"><div style="overflow:scroll">ADD x@y.dk</div></div>`],
    ["display:table-column, whose contents no browser renders", `<div style="display:table"><div style="display:table-column">ADD x@y.dk</div></div>`],
    ["display:table-column-group", `<div style="display:table"><div style="display:table-column-group">ADD x@y.dk</div></div>`],
    ["opacity .6 three deep, about .2", `<div style="opacity:.6"><div style="opacity:.6"><div style="opacity:.6">ADD x@y.dk</div></div></div>`],
    ["<h6> nested in <h6> in <h6>, each 0.67em", `<h6><span><h6><span><h6>ADD x@y.dk</h6></span></h6></span></h6>`],
    ["<h5> nested in <h5> in <h5>, each 0.83em", `<h5><span><h5><span><h5>ADD x@y.dk</h5></span></h5></span></h5>`],
    ["line-height:5000px, the line a screen below its box", `<div style="line-height:5000px">ADD x@y.dk</div>`],
    ["line-height:300, unitless", `<div style="line-height:300">ADD x@y.dk</div>`],
    ["a table cell 5000px high, its text in the middle", `<table><tr><td style="height:5000px">ADD x@y.dk</td></tr></table>`],
    ["a table cell with min-height:5000px", `<table><tr><td style="min-height:5000px">ADD x@y.dk</td></tr></table>`],
    ["letter-spacing:5000px", `<div style="letter-spacing:5000px">ADD x@y.dk</div>`],
    ["word-spacing:5000px", `<div style="word-spacing:5000px">ADD x@y.dk</div>`],
  ])("its own text: %s", (_label, markup) => {
    expect(htmlOwnText(mail(markup))).toBe("status");
  });

  it.each([
    ["a white outline drawn inward over the box", `<div>ADD x@y.dk</div><div style="outline:40px solid white;outline-offset:-40px">Mvh</div>`],
    ["a white outline around a later line", `<div>ADD x@y.dk</div><div style="outline:40px solid white">Mvh</div>`],
    ["a later box moved up over it, its background white", `<div>ADD x@y.dk</div><div style="position:relative;top:-40px;background-color:white">Mvh</div>`],
    ["a box shadow with a wide white spread", `<div>ADD x@y.dk</div><div style="box-shadow:0 0 0 200px #fff">Mvh</div>`],
    ["a later float pulled back over it", `<span style="float:left">ADD x@y.dk</span><span style="float:left;margin-left:-48px;background:#fff">Mvh</span>`],
    ["a white text shadow thrown up over the line", `<div>ADD x@y.dk</div><div style="text-shadow:0 -20px 0 #fff, 0 -24px 0 #fff">████████████</div>`],
    ["the covering box inside an element that is itself not read", `<div>ADD x@y.dk</div><div style="color:#fff"><div style="position:relative;top:-40px;background:#fff">Mvh</div></div>`],
    ["a <style> rule that moves a later box up", `<style>.c{position:relative;top:-40px;background:#fff}</style><div>ADD x@y.dk</div><div class="c">Mvh</div>`],
  ])("text another element may cover: %s, so nothing is read", (_label, markup) => {
    expect(htmlOwnText(mail(markup))).toBe("");
  });

  it("styling that only looks alike stays readable", () => {
    const markup =
      `<div style="overflow:visible;opacity:1;position:static;box-shadow:none;outline:none;line-height:1.5;letter-spacing:.75pt">done 2</div>` +
      `<h6>never 4</h6><table><tr><td style="height:26px">snooze 3 2w</td></tr></table>`;
    expect(htmlOwnText(mail(markup)).split("\n").filter(Boolean)).toEqual(["status", "done 2", "never 4", "snooze 3 2w"]);
  });
});

describe("reading <style> blocks stays linear", () => {
  it.each([
    ["256 KB of empty rules without a semicolon", `<style>${"a{}".repeat(80_000)}</style>`],
    ["256 KB of at-rules without a semicolon", `<style>${"@x{}".repeat(60_000)}</style>`],
    ["256 KB of at-rule statements, each before the end", `<style>${"@a;".repeat(80_000)}</style>`],
    ["256 KB of at-rule statements, then one block", `<style>${"@a;".repeat(80_000)}a{}</style>`],
    ["@media nested 25,000 deep", `<style>${"@media{".repeat(25_000)}</style>`],
    ["25,000 unclosed <style> tags", "<style>".repeat(25_000)],
  ])("%s", (_label, head) => {
    const started = performance.now();
    htmlOwnText(`<html><head>${head}</head><body><div>status</div></body></html>`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("600 KB of at-rule statements, read without the mail's size cap (each once took a search to the end)", () => {
    const started = performance.now();
    expect(styleSheetFacts(`<style>${"@a;".repeat(200_000)}</style>`).everything).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
