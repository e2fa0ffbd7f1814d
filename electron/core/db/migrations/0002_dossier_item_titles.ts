/**
 * Dossier items remember the title of what they point to when it was added. An article deleted
 * later leaves its item behind (items are not foreign keys: the dossier should say what is gone,
 * not silently shrink), and this title is what the dossier and its exports show for it.
 */
export const version = 2;
export const name = 'dossier_item_titles';
export const sql = /* sql */ `
ALTER TABLE dossier_items ADD COLUMN ref_title TEXT;
`;
