import { describe, expect, it } from 'vitest';
import {
  canFacilitate,
  canRead,
  canWrite,
  docName,
  parseDocName,
  roomScopes,
  type DocScope,
  type Principal,
} from './scopes.js';

const mediator: Principal = { role: 'mediator' };
const sideA: Principal = { role: 'side', side: 'a' };
const sideB: Principal = { role: 'side', side: 'b' };
const observer: Principal = { role: 'observer' };

describe('document names', () => {
  it('round-trips every scope of a room', () => {
    for (const scope of roomScopes(true)) {
      const name = docName('room1234', scope);
      expect(parseDocName(name)).toEqual({ roomId: 'room1234', scope });
    }
  });

  it('rejects names that are not one of the five scopes', () => {
    for (const bad of [
      'room1234',
      'room1234/',
      'room1234/side',
      'room1234/side/c',
      'room1234/other',
      'r/joint',
      'room1234/joint/x',
      '../x/joint',
    ]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });

  it('lists the mediator doc only for mediated rooms', () => {
    expect(roomScopes(false).some((s) => s.kind === 'mediator')).toBe(false);
    expect(roomScopes(true).some((s) => s.kind === 'mediator')).toBe(true);
  });
});

describe('the permission table', () => {
  const mediated = { mediated: true };
  const unmediated = { mediated: false };
  const joint: DocScope = { kind: 'joint' };
  const sideDocA: DocScope = { kind: 'side', side: 'a' };
  const privateA: DocScope = { kind: 'private', side: 'a' };
  const facilitation: DocScope = { kind: 'facilitation' };
  const mediatorDoc: DocScope = { kind: 'mediator' };

  it('lets everyone read the joint space but only sides and the mediator write it', () => {
    for (const who of [mediator, sideA, sideB, observer]) expect(canRead(who, joint, mediated)).toBe(true);
    expect([mediator, sideA, sideB, observer].map((w) => canWrite(w, joint, mediated))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("lets only a side's own members write its board", () => {
    expect([mediator, sideA, sideB, observer].map((w) => canRead(w, sideDocA, mediated))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([mediator, sideA, sideB, observer].map((w) => canWrite(w, sideDocA, mediated))).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it("keeps a side's private notes from everyone else, the mediator included", () => {
    expect([mediator, sideA, sideB, observer].map((w) => canRead(w, privateA, mediated))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect([mediator, sideA, sideB, observer].map((w) => canWrite(w, privateA, mediated))).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it('gives facilitation to the mediator, or to both sides when there is none', () => {
    expect([mediator, sideA, sideB, observer].map((w) => canWrite(w, facilitation, mediated))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([sideA, sideB, observer].map((w) => canWrite(w, facilitation, unmediated))).toEqual([true, true, false]);
    expect([mediator, sideA, observer].map((w) => canFacilitate(w, mediated))).toEqual([true, false, false]);
    expect([sideA, sideB, observer].map((w) => canFacilitate(w, unmediated))).toEqual([true, true, false]);
  });

  it("keeps the mediator's notes to the mediator", () => {
    expect([mediator, sideA, sideB, observer].map((w) => canRead(w, mediatorDoc, mediated))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([mediator, sideA, sideB, observer].map((w) => canWrite(w, mediatorDoc, mediated))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
