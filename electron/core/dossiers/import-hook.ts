/**
 * Lets `quire import dossier.json` (and the app's import) recognise a dossier exported as JSON and
 * recreate it, through the importer's seam for non-article files. Loaded for its side effect by the
 * dossier CLI commands and API handlers.
 */
import { registerFileImporter, type ImportOutcome } from '../import.js';
import { sha256 } from '../originals.js';
import { importDossierJson, isDossierJson } from './json.js';

const decoder = new TextDecoder('utf-8', { fatal: false });

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

let registered = false;

export function registerDossierImporter(): void {
  if (registered) return;
  registered = true;
  registerFileImporter({
    // Cheap test first: dossier files start with their format marker (written first by the exporter);
    // a full parse confirms it, so an ordinary JSON file still goes to the article importers.
    matches: (name, bytes) =>
      /\.json$/i.test(name) && decoder.decode(bytes.subarray(0, 200)).includes('"quire-dossier"') && isDossierJson(parseJson(bytes)),
    import: (library, _name, bytes): ImportOutcome => {
      const result = importDossierJson(library, decoder.decode(bytes));
      if (!result.dossierCreated) return { status: 'duplicate', id: result.dossierId };
      return {
        status: 'imported',
        article: { id: result.dossierId, title: `Dossier: ${result.title}`, language: null, direction: 'ltr', sha256: sha256(bytes), kind: 'dossier' },
      };
    },
  });
}

registerDossierImporter();
