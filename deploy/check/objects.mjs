// The Kubernetes objects of a rendered multi-document YAML stream.
import { parse, parseAllDocuments } from 'yaml';

export async function loadObjects(text) {
  const objects = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw document.errors[0];
    const value = document.toJS();
    if (value) objects.push(value);
  }
  return objects;
}

loadObjects.parse = parse;
