// A returned target that kept its codes but lost its text: refused, so no paragraph is published as bare markup.
import test from 'ava';
import { checkText } from '../../src/merge/check.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const open = (id: number) => ({ type: 'code' as const, id, kind: 'open' });
const close = (id: number) => ({ type: 'code' as const, id, kind: 'close' });
const icon = (id: number) => ({ type: 'code' as const, id, kind: 'standalone' });
// "Select **Settings** and [open the vault](url) {% icon %}."
const SOURCE = [text('Select '), open(1), text('Settings'), close(1), text(' and '), open(2), text('open the vault'), close(2), text(' '), icon(3), text('.')];
const DISPLAYS = new Map([['open:1', '**'], ['open:2', '[link]']]);

test('a target with its text in place, codes moved or text outside a pair, passes', (t) => {
  t.is(checkText(SOURCE, [text('Öffnen Sie '), open(2), text('den Tresor'), close(2), text(' und wählen Sie '), open(1), text('Einstellungen'), close(1), text(' '), icon(3)]), undefined);
  // A pair empty in the source may stay empty.
  t.is(checkText([open(1), icon(2), close(1), text(' Text')], [open(1), icon(2), close(1), text(' Text (de)')]), undefined);
});

test('a target of codes only is refused with what to do', (t) => {
  t.is(checkText(SOURCE, [open(1), close(1), text(' '), open(2), close(2), icon(3), text('  ')]), 'the target has only codes and no text: translate the text, or leave the target empty to leave the unit untranslated');
});

test('an emptied link or emphasis is refused, naming the pair as the translator saw it', (t) => {
  t.is(
    checkText(SOURCE, [text('Wählen Sie '), open(1), text('Einstellungen'), close(1), text(' und '), open(2), text(' '), close(2), text('den Tresor '), icon(3)], DISPLAYS),
    'the target leaves pair opening code 2 ([link]) empty, which holds text in the source: put the translated text inside it',
  );
  t.regex(checkText(SOURCE, [open(1), close(1), text('Einstellungen und '), open(2), text('x'), close(2), icon(3)], DISPLAYS)!, /pair opening code 1 \(\*\*\) empty/);
});
