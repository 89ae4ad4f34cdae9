function n(n){return"file"===n.kind?`${n.file}:${n.line}:${n.column}`:n.kind}export{n as d};
