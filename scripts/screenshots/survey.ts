import type { Page } from 'playwright-core';
import type { ShotKit } from './kit.js';

interface Visit {
  visitToken: string;
  form: { sections: { questions: { key: string; type: string; required: boolean }[] }[] };
}

/** Rates every 1–5 question on the page `value` (the QR screenshot shows a form half filled). */
async function rate(page: Page, value: number, upTo = Infinity): Promise<void> {
  const scales = page.locator('.survey-scale');
  await scales.first().waitFor();
  const n = Math.min(await scales.count(), upTo);
  for (let i = 0; i < n; i++) {
    await scales
      .nth(i)
      .locator('.survey-choice', { has: page.locator('.survey-choice-number', { hasText: String(value) }) })
      .click();
  }
}

/**
 * Screenshots of the survey screens: the kiosk, the QR page, the printable QR sheet and the
 * results. Two desks of the demo province take part in a survey; 40 respondents answer through
 * the public API first, so the results have figures.
 */
export async function surveyShots(kit: ShotKit): Promise<void> {
  const token = kit.adminToken;
  const tree = await kit.call<{ id: number; name: string; children?: { id: number; name: string }[] }[]>(
    token,
    'GET',
    '/api/agencies/tree',
  );
  // Two agencies under the province (or the first two roots when the tree is flat).
  const flat = tree.flatMap((a) => [a, ...(a.children ?? [])]);
  const agencies = flat.length > 2 ? flat.slice(1, 3) : flat.slice(0, 2);
  const desks: { id: number; publicCode: string }[] = [];
  for (const a of agencies) {
    desks.push(
      await kit.call(token, 'POST', '/api/survey/desks', { agencyId: a.id, name: `Bộ phận Một cửa ${a.name}` }),
    );
  }
  const forms = await kit.call<{ id: number; code: string }[]>(token, 'GET', '/api/survey/forms');
  await kit.call(token, 'POST', '/api/survey/surveys', {
    name: 'Khảo sát sự hài lòng năm 2026',
    formId: forms.find((f) => f.code === 'mac-dinh')!.id,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86400_000).toISOString(),
    deskIds: desks.map((d) => d.id),
    deviceRatePerMinute: 1000,
    deskRatePerMinute: 1000,
  });
  const { kioskToken } = await kit.call<{ kioskToken: string }>(token, 'POST', '/api/survey/kiosks', {
    deskId: desks[0].id,
    name: 'Máy tính bảng quầy 1',
  });
  // 40 respondents with a spread of ratings (a fixed pattern, so every run looks the same).
  for (let i = 0; i < 40; i++) {
    const desk = desks[i % desks.length];
    const visit = await kit.call<Visit>('', 'POST', `/api/survey/public/desks/${desk.publicCode}/visit`);
    const answers = visit.form.sections.flatMap((s) =>
      s.questions
        .filter((q) => q.type === 'scale_1_5' && q.required)
        .map((q, j) => ({ questionKey: q.key, value: [5, 4, 4, 3, 5, 2, 4][(i + j) % 7] })),
    );
    await kit.call('', 'POST', '/api/survey/public/responses', {
      visitToken: visit.visitToken,
      answers,
      respondentType: i % 3 === 0 ? 'organisation' : 'citizen',
    });
  }
  const me = await kit.call<unknown>(token, 'GET', '/api/auth/me');
  const session = JSON.stringify({
    accessToken: token,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: me,
  });

  for (const vp of kit.viewports) {
    const context = await kit.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript(
      `localStorage.setItem('cchc.lang', 'vi'); localStorage.setItem('cchc.surveyKiosk', ${JSON.stringify(kioskToken)});`,
    );
    const page = await context.newPage();

    await page.goto(`${kit.url}/khao-sat-tai-quay`);
    await page.locator('.survey-scale').first().waitFor();
    // The tablet as a respondent sees it after the first answers: large rating buttons.
    await page.locator('.survey-section').first().scrollIntoViewIfNeeded();
    await rate(page, 5, 2);
    await kit.shoot(page, 'survey-kiosk', vp.name, false);

    await page.goto(`${kit.url}/khao-sat/${desks[1].publicCode}`);
    await rate(page, 4, 3);
    await kit.shoot(page, 'survey-qr', vp.name);

    await page.evaluate(`sessionStorage.setItem('cchc.session', ${JSON.stringify(session)})`);
    await page.goto(`${kit.url}/survey/desks`);
    await page.locator('.qr-image').first().waitFor();
    await kit.shoot(page, 'survey-qr-sheet', vp.name);

    await page.goto(`${kit.url}/survey/results`);
    await page.locator('.survey-chart canvas').waitFor();
    await page.locator('table').first().waitFor();
    await kit.shoot(page, 'survey-results', vp.name);
    await context.close();
  }
}
