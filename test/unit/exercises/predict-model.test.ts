import { describe, expect, test } from 'vitest';
import { judgePrediction, MAX_TRIES, predictChoices, START } from '../../../src/exercises/predict-model.ts';

const PING_PONG = ['Start ping', 'Start pong', 'End pong', 'End ping'];

describe('predict choices', () => {
  const choices = predictChoices(PING_PONG, 'run-ping-pong');

  test('hold the real order once, plausible wrong orders, and "an error" last', () => {
    expect(choices.filter((choice) => choice.correct).map((choice) => choice.lines)).toEqual([PING_PONG]);
    expect(choices).toHaveLength(5);
    expect(choices.at(-1)).toEqual({ lines: null, correct: false });
    expect(choices.map((choice) => choice.lines)).toContainEqual(['Start ping', 'End ping', 'Start pong', 'End pong']);
    expect(choices.map((choice) => choice.lines)).toContainEqual(['Start ping', 'Start pong', 'End ping', 'End pong']);
  });

  test('never repeat an order', () => {
    const keys = choices.map((choice) => JSON.stringify(choice.lines));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('come in the same order for the same cell, and not always with the answer first', () => {
    expect(predictChoices(PING_PONG, 'run-ping-pong')).toEqual(choices);
    const firsts = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => predictChoices(PING_PONG, seed)[0]!.correct);
    expect(firsts).toContain(false);
  });
});

describe('a prediction', () => {
  const choices = predictChoices(PING_PONG, 'run-ping-pong');
  const right = choices.find((choice) => choice.correct)!;
  const wrong = choices.find((choice) => !choice.correct && choice.lines !== null)!;

  test('that is right says so', () => {
    const { state, message } = judgePrediction(START, right, PING_PONG);
    expect(state.outcome).toBe('correct');
    expect(message).toMatch(/^Right: Start ping, then Start pong/);
  });

  test(`that is wrong gets another try, and after ${MAX_TRIES} the answer`, () => {
    const first = judgePrediction(START, wrong, PING_PONG);
    expect(first.state.outcome).toBe('open');
    expect(first.message).toContain('1 try left');
    const second = judgePrediction(first.state, choices.at(-1)!, PING_PONG);
    expect(second.state.outcome).toBe('revealed');
    expect(second.message).toBe(
      'The answer: Start ping, then Start pong, then End pong, then End ping. The cell runs without an error. The output is below; the loop view steps through why.',
    );
  });

  test('that is wrong twice points at the first line that differs', () => {
    const once = judgePrediction(START, wrong, PING_PONG).state;
    const { message } = judgePrediction(once, wrong, PING_PONG);
    expect(message).toMatch(/Line \d is “[^”]+”, not “[^”]+”\./);
  });
});
