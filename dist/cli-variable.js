function describeOrigin(origin){return"file"===origin.kind?`${origin.file}:${origin.line}:${origin.column}`:origin.kind}export{describeOrigin as d};
