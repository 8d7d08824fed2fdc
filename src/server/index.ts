// `vitrine/server`: the live server for chat (and the show features built on it).
export { createLiveServer, type LiveServer } from './server.js';
export { DEFAULT_CHAT, parseOrigins, parseRateLimit, type ChatLimits, type LiveLogger, type LiveServerOptions, type OfferLimits } from './options.js';
export { mintToken, verifyToken, type MintTokenOptions, type Secret, type TokenIdentity } from './tokens.js';
export { Refusal } from './refusal.js';
export { verifyOfferClaim, signOfferClaim, OfferClaimError, type VerifiedOfferClaim } from './claims.js';
export { createMemoryState, type MemoryStateOptions } from './state/memory.js';
export { createRedisState, type RedisStateOptions } from './state/redis.js';
export type {
  ShowState,
  ShowHash,
  AppendResult,
  Admission,
  AdmissionRule,
  MessageDraft,
  SettingsOverrides,
  PinDraft,
  PinResult,
  OfferRecord,
  OfferStop,
  ClaimRequest,
  ClaimResult,
  ReleaseResult,
} from './state/types.js';
export type {
  LiveFeature,
  LiveContext,
  LiveIo,
  LiveSocket,
  SocketData,
  EventHandler,
  EventRule,
  FeatureEvents,
  SnapshotPart,
} from './feature.js';
export { payloadObject, stringField, integerField, optionalBoolean } from './validate.js';
export * from '../live/protocol.js';
