const fs = require('node:fs');
JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
