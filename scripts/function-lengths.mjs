import ts from 'typescript';
import { readFileSync } from 'node:fs';
const files = process.argv.slice(2);
const out = [];
for (const f of files) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.body) {
      const a = sf.getLineAndCharacterOfPosition(n.getStart()).line,
        b = sf.getLineAndCharacterOfPosition(n.end).line;
      const name =
        n.name?.getText?.() ??
        (ts.isVariableDeclaration(n.parent)
          ? n.parent.name.getText()
          : ts.isPropertyAssignment(n.parent)
            ? n.parent.name.getText()
            : '(anon)');
      out.push([b - a + 1, `${f}:${a + 1} ${name}`]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
out.sort((x, y) => y[0] - x[0]);
for (const [n, w] of out.slice(0, 15)) console.log(n, w);
