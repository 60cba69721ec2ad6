import { describe, expect, it } from "vitest";
import { htmlOwnText, htmlToText } from "../../src/mail/html";

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
