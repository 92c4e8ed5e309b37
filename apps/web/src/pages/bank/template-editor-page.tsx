import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DIFFICULTIES, NAVIGATIONS, type Difficulty, type Navigation, type TemplateInput } from '@bank-views';
import { bankApi, type TestTemplate } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { flattenTopics, parseIdList, parsePercent } from './bank-forms.js';
import '../../styles/bank.css';

interface RuleDraft {
  kind: 'draw' | 'fixed';
  topicIds: number[];
  difficulty: Difficulty | '';
  count: string;
  questionIds: string;
}
interface PartDraft {
  name: string;
  passPercent: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  pointsPerQuestion: string;
  rules: RuleDraft[];
}

const newRule = (): RuleDraft => ({ kind: 'draw', topicIds: [], difficulty: '', count: '10', questionIds: '' });
const newPart = (name: string): PartDraft => ({
  name,
  passPercent: '50',
  shuffleQuestions: true,
  shuffleOptions: true,
  pointsPerQuestion: '',
  rules: [newRule()],
});

function partsOf(t: TestTemplate): PartDraft[] {
  return t.parts.map((p) => ({
    name: p.name,
    passPercent: String(p.passPercent ?? 50),
    shuffleQuestions: p.shuffleQuestions,
    shuffleOptions: p.shuffleOptions,
    pointsPerQuestion: p.pointsPerQuestion === undefined ? '' : String(p.pointsPerQuestion),
    rules: p.rules.map((r) =>
      r.questionIds
        ? { ...newRule(), kind: 'fixed', questionIds: r.questionIds.join(', ') }
        : { ...newRule(), topicIds: r.topicIds ?? [], difficulty: r.difficulty ?? '', count: String(r.count ?? '') },
    ),
  }));
}

/** What the form sends, or the part.rule ("2.1") whose fixed list cannot be read. */
function toInput(
  name: string,
  description: string,
  navigation: Navigation,
  passPercent: string,
  parts: PartDraft[],
): TemplateInput | string {
  const out: TemplateInput = {
    name: name.trim(),
    description: description.trim() || undefined,
    navigation,
    passPercent: parsePercent(passPercent) ?? 50,
    parts: [],
  };
  for (const [i, p] of parts.entries()) {
    const rules = [];
    for (const [j, r] of p.rules.entries()) {
      if (r.kind === 'fixed') {
        const ids = parseIdList(r.questionIds);
        if (!ids || ids.length === 0) return `${i + 1}.${j + 1}`;
        rules.push({ questionIds: ids });
      } else {
        rules.push({
          topicIds: r.topicIds,
          difficulty: r.difficulty || undefined,
          count: Number(r.count),
        });
      }
    }
    out.parts.push({
      name: p.name.trim(),
      rules,
      passPercent: parsePercent(p.passPercent) ?? 50,
      shuffleQuestions: p.shuffleQuestions,
      shuffleOptions: p.shuffleOptions,
      pointsPerQuestion: p.pointsPerQuestion.trim() ? (parsePercent(p.pointsPerQuestion) ?? undefined) : undefined,
    });
  }
  return out;
}

/** A test template: parts, each with its draw rules (topics, difficulty, how many) or a fixed list. */
export function TemplateEditorPage() {
  const { t } = useI18n();
  const partName = (n: number): string => (n === 0 ? t('templates.firstPartName') : t('templates.part', { n: n + 1 }));
  const { id } = useParams();
  const templateId = id ? Number(id) : null;
  const navigate = useNavigate();
  const topics = useResource((signal) => bankApi.topics(signal), []);
  const loaded = useResource(
    (signal) => (templateId ? bankApi.template(templateId, signal) : Promise.resolve(null)),
    [templateId],
  );
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [navigation, setNavigation] = useState<Navigation>('free');
  const [passPercent, setPassPercent] = useState('50');
  const [parts, setParts] = useState<PartDraft[]>(() => [newPart(partName(0))]);
  const [error, setError] = useState<unknown>(null);
  const [badRule, setBadRule] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const tp = loaded.data;
    if (!tp) return;
    setName(tp.name);
    setDescription(tp.description ?? '');
    setNavigation(tp.navigation);
    setPassPercent(String(tp.passPercent));
    setParts(partsOf(tp));
  }, [loaded.data]);

  const flat = topics.data ? flattenTopics(topics.data) : [];
  const setPart = (i: number, changes: Partial<PartDraft>): void =>
    setParts((ps) => ps.map((p, j) => (j === i ? { ...p, ...changes } : p)));
  const setRule = (i: number, r: number, changes: Partial<RuleDraft>): void =>
    setParts((ps) =>
      ps.map((p, j) => (j === i ? { ...p, rules: p.rules.map((x, k) => (k === r ? { ...x, ...changes } : x)) } : p)),
    );

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const input = toInput(name, description, navigation, passPercent, parts);
    if (typeof input === 'string') {
      setBadRule(input);
      return;
    }
    setBadRule(null);
    setBusy(true);
    try {
      if (templateId) {
        await bankApi.updateTemplate(templateId, input);
        setSaved(true);
      } else {
        await bankApi.createTemplate(input);
        void navigate('/sessions', { state: { notice: 'template' } });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const title = templateId ? t('templates.editTitle') : t('templates.new');
  return (
    <section aria-labelledby="tpl-title" className="bank">
      <p>
        <Link to="/sessions">← {t('sessions.title')}</Link>
      </p>
      <h1 id="tpl-title">{title}</h1>
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <form className="form" onSubmit={(e) => void save(e)} aria-label={title}>
        <div className="grid-form">
          <div className="field">
            <label htmlFor="tpl-name">{t('templates.name')}</label>
            <input id="tpl-name" required maxLength={255} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="tpl-nav">{t('templates.navigation')}</label>
            <select id="tpl-nav" value={navigation} onChange={(e) => setNavigation(e.target.value as Navigation)}>
              {NAVIGATIONS.map((n) => (
                <option key={n} value={n}>
                  {t(`templates.navigation.${n}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tpl-pass">{t('templates.passPercent')}</label>
            <input
              id="tpl-pass"
              inputMode="decimal"
              value={passPercent}
              onChange={(e) => setPassPercent(e.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="tpl-desc">{t('templates.description')}</label>
          <textarea id="tpl-desc" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {parts.map((p, i) => (
          <fieldset key={i} className="panel bank-part">
            <legend>{t('templates.part', { n: i + 1 })}</legend>
            <div className="grid-form">
              <div className="field">
                <label htmlFor={`part-${i}-name`}>{t('templates.partName')}</label>
                <input
                  id={`part-${i}-name`}
                  required
                  maxLength={255}
                  value={p.name}
                  onChange={(e) => setPart(i, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`part-${i}-pass`}>{t('templates.partPass')}</label>
                <input
                  id={`part-${i}-pass`}
                  inputMode="decimal"
                  value={p.passPercent}
                  onChange={(e) => setPart(i, { passPercent: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`part-${i}-points`}>{t('templates.pointsPerQuestion')}</label>
                <input
                  id={`part-${i}-points`}
                  inputMode="decimal"
                  placeholder={t('templates.pointsDefault')}
                  value={p.pointsPerQuestion}
                  onChange={(e) => setPart(i, { pointsPerQuestion: e.target.value })}
                />
              </div>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={p.shuffleQuestions}
                onChange={(e) => setPart(i, { shuffleQuestions: e.target.checked })}
              />
              {t('templates.shuffleQuestions')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={p.shuffleOptions}
                onChange={(e) => setPart(i, { shuffleOptions: e.target.checked })}
              />
              {t('templates.shuffleOptions')}
            </label>
            {p.rules.map((r, k) => (
              <fieldset key={k} className="bank-rule">
                <legend>{t('templates.rule', { n: k + 1 })}</legend>
                <div className="field">
                  <label htmlFor={`rule-${i}-${k}-kind`}>{t('templates.ruleKind')}</label>
                  <select
                    id={`rule-${i}-${k}-kind`}
                    value={r.kind}
                    onChange={(e) => setRule(i, k, { kind: e.target.value as RuleDraft['kind'] })}
                  >
                    <option value="draw">{t('templates.ruleKind.draw')}</option>
                    <option value="fixed">{t('templates.ruleKind.fixed')}</option>
                  </select>
                </div>
                {r.kind === 'draw' ? (
                  <>
                    <fieldset className="bank-topic-picks">
                      <legend>{t('templates.ruleTopics')}</legend>
                      {flat.map((tp) => (
                        <label key={tp.id} className="check" style={{ paddingLeft: `${tp.level * 1.25}rem` }}>
                          <input
                            type="checkbox"
                            checked={r.topicIds.includes(tp.id)}
                            onChange={(e) =>
                              setRule(i, k, {
                                topicIds: e.target.checked
                                  ? [...r.topicIds, tp.id]
                                  : r.topicIds.filter((x) => x !== tp.id),
                              })
                            }
                          />
                          {tp.name}
                        </label>
                      ))}
                    </fieldset>
                    <div className="grid-form">
                      <div className="field">
                        <label htmlFor={`rule-${i}-${k}-diff`}>{t('bank.difficulty')}</label>
                        <select
                          id={`rule-${i}-${k}-diff`}
                          value={r.difficulty}
                          onChange={(e) => setRule(i, k, { difficulty: e.target.value as Difficulty | '' })}
                        >
                          <option value="">{t('bank.any')}</option>
                          {DIFFICULTIES.map((d) => (
                            <option key={d} value={d}>
                              {t(`bank.difficulty.${d}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field">
                        <label htmlFor={`rule-${i}-${k}-count`}>{t('templates.ruleCount')}</label>
                        <input
                          id={`rule-${i}-${k}-count`}
                          type="number"
                          min={1}
                          max={500}
                          required
                          value={r.count}
                          onChange={(e) => setRule(i, k, { count: e.target.value })}
                        />
                      </div>
                    </div>
                  </>
                ) : (
                  <div className="field">
                    <label htmlFor={`rule-${i}-${k}-ids`}>{t('templates.ruleQuestionIds')}</label>
                    <input
                      id={`rule-${i}-${k}-ids`}
                      required
                      value={r.questionIds}
                      onChange={(e) => setRule(i, k, { questionIds: e.target.value })}
                    />
                  </div>
                )}
                {badRule === `${i + 1}.${k + 1}` && (
                  <p className="alert alert-error" role="alert">
                    {t('templates.badIds')}
                  </p>
                )}
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={p.rules.length <= 1}
                  onClick={() => setPart(i, { rules: p.rules.filter((_, x) => x !== k) })}
                >
                  {t('templates.removeRule', { n: k + 1 })}
                </button>
              </fieldset>
            ))}
            <div className="toolbar">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setPart(i, { rules: [...p.rules, newRule()] })}
              >
                {t('templates.addRule')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={parts.length <= 1}
                onClick={() => setParts(parts.filter((_, x) => x !== i))}
              >
                {t('templates.removePart', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => setParts([...parts, newPart(partName(parts.length))])}>
            {t('templates.addPart')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('templates.save')}
          </button>
        </div>
        <ErrorAlert error={error} />
        {saved && (
          <p className="alert alert-ok" role="status">
            {t('templates.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
