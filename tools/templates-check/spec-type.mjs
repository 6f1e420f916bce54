// Prints a template's spec.type: node spec-type.mjs <template.yaml>
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const template = parse(await readFile(process.argv[2], 'utf8'));
console.log(template?.spec?.type ?? '');
