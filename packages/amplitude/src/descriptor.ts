// Amplitude as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import { isRecord, type VendorDescriptor } from "@sessiontrail/core";
import {
  type AmplitudeClient,
  type AmplitudeClientOptions,
  type AmplitudeEventsQuery,
  createAmplitudeClient,
} from "./client.ts";
import { normalizeAmplitudeEvents } from "./normalize.ts";

/**
 * Amplitude's descriptor: a key pair (Basic auth), a session id that is the session's start in epoch
 * ms, and the user it belongs to (user id, device id or Amplitude ID), whose activity is paged.
 */
export const amplitudeVendor: VendorDescriptor<
  AmplitudeClient,
  AmplitudeClientOptions,
  AmplitudeEventsQuery,
  "amplitude"
> = {
  name: "amplitude",
  label: "Amplitude",
  create: createAmplitudeClient,
  // Either operation's 200 body: a User Search answer (`matches`) holds no events.
  normalize: (body, query, options) =>
    isRecord(body) && Array.isArray(body.matches) && !("events" in body)
      ? []
      : normalizeAmplitudeEvents(body, { ...options, sessionId: query.sessionId, deviceId: query.deviceId }),
  settings: [
    {
      in: "client",
      key: "secretKey",
      flag: "--secret-key",
      env: "SECRET_KEY",
      value: "key",
      description: "secret key",
      secret: true,
      required: true,
      hint: "the project's secret key, beside its API key",
    },
    {
      in: "query",
      key: "userId",
      flag: "--user",
      env: "USER_ID",
      value: "id",
      description: "user id (found with User Search)",
    },
    {
      in: "query",
      key: "deviceId",
      flag: "--device-id",
      env: "DEVICE_ID",
      value: "id",
      description: "device id (found with User Search; only its events are kept)",
    },
    {
      in: "query",
      key: "amplitudeId",
      flag: "--amplitude-id",
      env: "AMPLITUDE_ID",
      value: "id",
      description: "Amplitude ID (skips User Search)",
      hint: "the numeric Amplitude ID",
    },
  ],
  query: {
    idField: "sessionId",
    idLabel: "session id (Amplitude's session_id: the session's start in epoch ms)",
    pages: { min: 1, max: 1000, default: 1000 },
  },
  toQuery: ({ id, settings }) => ({
    sessionId: id,
    ...(settings.userId !== undefined ? { userId: settings.userId } : {}),
    ...(settings.deviceId !== undefined ? { deviceId: settings.deviceId } : {}),
    ...(settings.amplitudeId !== undefined ? { amplitudeId: settings.amplitudeId } : {}),
  }),
  // The spec's wholeSession example (session 2024-06-03T16:00:00Z of Amplitude ID 356896327775), and
  // the secret key of Amplitude's own sample credentials.
  mock: { id: "1717430400000", settings: { secretKey: "12345678901011111", amplitudeId: "356896327775" } },
  timeline: { colour: "#0891b2" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { AmplitudeEventsQuery } from "./client.ts";
