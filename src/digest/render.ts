// The weekly digest as mail content: subject, text part and HTML part, from one DigestView.

export { buildDigestModel, type DigestView, digestSubject } from "./view";
export { renderDigestText } from "./render-text";
export { renderDigestHtml } from "./render-html";
