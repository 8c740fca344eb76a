/**
 * npm run i18n:extract — writes the English catalogue (catalog.ts) to src/locales/en-US and lists
 * the keys the other locales lack or no longer need. Translations are edited by hand.
 */
import { writeFileSync } from 'fs';
import { englishCatalog, LOCALES, localeFile, nest, readLocale } from './catalog';

const english = englishCatalog();
writeFileSync(localeFile('en-US'), JSON.stringify(nest(english), null, 2) + '\n');
console.log(`en-US: ${Object.keys(english).length} texts`);
for (const locale of LOCALES.filter((l) => l !== 'en-US')) {
  const translated = readLocale(locale);
  const missing = Object.keys(english).filter((k) => !(k in translated));
  const stale = Object.keys(translated).filter((k) => !(k in english));
  console.log(`${locale}: ${missing.length} missing, ${stale.length} no longer used`);
  for (const k of missing) {
    console.log(`  missing: ${k} = ${JSON.stringify(english[k])}`);
  }
  for (const k of stale) {
    console.log(`  unused: ${k}`);
  }
}
