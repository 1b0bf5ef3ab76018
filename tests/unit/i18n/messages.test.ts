import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '@/domain/config';
import { describeConfigIssue, translator } from '@/i18n';
import { messagesEn } from '@/i18n/messages.en';
import { messagesId } from '@/i18n/allMessagesId';
import { incidentBannerEn } from '@/i18n/messages/incidentBanner.en';
import { incidentBannerId } from '@/i18n/messages/incidentBanner.id';
import { deliveryEn } from '@/i18n/messages/delivery.en';
import { deliveryId } from '@/i18n/messages/delivery.id';
import { incidentsEn } from '@/i18n/messages/incidents.en';
import { incidentsId } from '@/i18n/messages/incidents.id';
import { insecureEn } from '@/i18n/messages/insecure.en';
import { insecureId } from '@/i18n/messages/insecure.id';
import { registrationEn } from '@/i18n/messages/registration.en';
import { registrationId } from '@/i18n/messages/registration.id';
import { hubRefusalsEn } from '@/i18n/messages/hubRefusals.en';
import { hubRefusalsId } from '@/i18n/messages/hubRefusals.id';
import { queueDisplayEn } from '@/i18n/messages/queueDisplay.en';
import { queueDisplayId } from '@/i18n/messages/queueDisplay.id';
import { settingsEn } from '@/i18n/messages/settings.en';
import { settingsId } from '@/i18n/messages/settings.id';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('translate every key into English with the same placeholders', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesId).sort());
    for (const key of Object.keys(messagesId) as (keyof typeof messagesId)[]) {
      expect(placeholders(messagesEn[key]), key).toEqual(placeholders(messagesId[key]));
      expect(messagesEn[key].trim(), key).not.toBe('');
    }
  });

  it.each([
    ['incidents workspace', incidentsId, incidentsEn],
    ['incident banner', incidentBannerId, incidentBannerEn],
    ['delivery console', deliveryId, deliveryEn],
    ['insecure-address screen', insecureId, insecureEn],
    ['registration workspace', registrationId, registrationEn],
    ['hub refusals', hubRefusalsId, hubRefusalsEn],
    ['settings sections', settingsId, settingsEn],
    ['waiting-room screen', queueDisplayId, queueDisplayEn],
  ] as [string, Record<string, string>, Record<string, string>][])(
    'translate every key of the %s with the same placeholders',
    (_name, id, en) => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
      for (const key of Object.keys(id)) {
        expect(placeholders(en[key]!), key).toEqual(placeholders(id[key]!));
        expect(en[key]!.trim(), key).not.toBe('');
      }
    },
  );

  it('fill placeholders and leave unknown ones visible', () => {
    const t = translator(messagesId);
    expect(t('status.pending', { count: 3 })).toBe('Belum tersinkron: 3');
    expect(t('status.pending')).toBe('Belum tersinkron: {count}');
    expect(translator(messagesEn)('status.pending', { count: 3 })).toBe('Not yet synced: 3');
  });
});

describe('describeConfigIssue', () => {
  const issues: ConfigIssue[] = [
    { field: '', reason: 'notJson' },
    { field: 'facility.name', reason: 'required' },
    { field: 'polis', reason: 'wrongType', expected: 'array' },
    { field: 'facility.name', reason: 'tooShort', minimum: 2 },
    { field: 'facility.name', reason: 'tooLong', maximum: 100 },
    { field: 'polis[0].queuePrefix', reason: 'invalidFormat' },
    { field: 'simrs.healthUrl', reason: 'invalidUrl' },
    { field: 'facility.timeZone', reason: 'notOneOf', allowed: ['Asia/Jakarta', 'Asia/Makassar'] },
    { field: 'facility.tiemZone', reason: 'unknownField' },
    { field: 'hub.primaryUrl', reason: 'hubUrl' },
    { field: 'polis[1].code', reason: 'duplicate', value: 'UMU' },
    { field: 'mrn.pattern', reason: 'invalidRegex' },
    { field: 'mrn.example', reason: 'exampleMismatch' },
  ];

  it.each([
    ['id', messagesId],
    ['en', messagesEn],
  ] as const)('gives every reason a text with its details filled in (%s)', (_language, catalogue) => {
    const t = translator(catalogue);
    for (const issue of issues) {
      const { field, problem } = describeConfigIssue(t, issue);
      expect(problem).not.toMatch(/\{\w+\}/);
      expect(field).toBe(issue.field || t('config.field.root'));
    }
  });

  it('names the allowed values and the duplicate', () => {
    const t = translator(messagesId);
    expect(describeConfigIssue(t, issues[7]!).problem).toBe(
      'harus salah satu dari: Asia/Jakarta, Asia/Makassar',
    );
    expect(describeConfigIssue(t, issues[10]!).problem).toBe('nilai "UMU" dipakai lebih dari sekali');
  });
});
