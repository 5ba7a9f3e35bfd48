// typescript.h — TypeScript handlers run by erasing their types, as `sam build`'s esbuild does.
//
// SAM projects commonly write handlers in TypeScript (`Metadata: BuildMethod: esbuild`, entry
// `app.ts`). The playground runs them without a compiler: type syntax is replaced by spaces, so
// every line and column of the JavaScript left is the source's own (errors point into the .ts
// file), the way Node.js's type stripping works. Imports used only as types are dropped, as
// esbuild and tsc drop them. TypeScript that is not erasable (enum, namespace with code,
// constructor parameter properties, `import x = require()`) is refused with its position: it
// needs a compiler.
//
// Lives on the interpreter's side (the code module the page fetches on first use of code).
#pragma once

#include <string>
#include <string_view>

namespace sim::js {

// .ts, .mts and .cts source files; declaration files (.d.ts) hold no code.
inline bool is_typescript_path(std::string_view path) {
    if (path.ends_with(".d.ts") || path.ends_with(".d.mts") || path.ends_with(".d.cts")) return false;
    return path.ends_with(".ts") || path.ends_with(".mts") || path.ends_with(".cts");
}

struct ErasedTypeScript {
    std::string javascript;  // same length and line structure as the source
    std::string error;       // non-empty when the source cannot be erased
    int line = 0, column = 0;
};
ErasedTypeScript erase_typescript(std::string_view source);

}  // namespace sim::js
