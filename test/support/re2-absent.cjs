// Stands in for the optional native `re2` inside workerd, where it can never load. It throws as a missing
// module does, so email-reply-parser and email-forward-parser take their documented RegExp fallback exactly as
// they do on Cloudflare. (An empty module would not do: they would take it for RE2 and call `new RE2()`.)
throw new Error("re2 is a native Node addon and is not available in workerd");
