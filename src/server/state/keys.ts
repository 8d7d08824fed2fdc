// Redis key layout. Every key of a show carries the show id as a hash tag (`{show}`), so one
// show's keys live in one Redis Cluster slot and scripts can touch several of them at once.
// Features add their own maps under `h:<name>` (pins, offers, figures) through `state.hash()`.
//
//   <prefix>:{<show>}:chat                 stream   recent messages (id = message id, field m = JSON)
//   <prefix>:{<show>}:sent:<user>:<client> string   "<id> <JSON>" of a stored message, for retries
//   <prefix>:{<show>}:questions            hash     open question queue: id -> JSON
//   <prefix>:{<show>}:asked                set      ids marked as questions after they were sent
//   <prefix>:{<show>}:restrictions         hash     user id -> until (epoch ms) or "ban"
//   <prefix>:{<show>}:settings             hash     slowModeSeconds
//   <prefix>:{<show>}:rate:<user>          zset     send times in the rate-limit window
//   <prefix>:{<show>}:slow:<user>          string   set while the user's slow-mode gap runs
//   <prefix>:{<show>}:viewers              hash     node id -> "<count>:<reported at ms>"
//   <prefix>:{<show>}:h:<name>             hash     feature maps
//   <prefix>:{<show>}:pins                 list     pin timeline: "<id> <JSON>", oldest first
//   <prefix>:{<show>}:pinned               list     product ids pinned now, in pin order
//   <prefix>:{<show>}:pinseq               string   last pin event id
//   <prefix>:{<show>}:offers               list     offer ids, oldest first
//   <prefix>:{<show>}:offer:<id>           hash     json (fixed fields), remaining, seq, closesAt, endedAt, stoppedAt
//   <prefix>:{<show>}:claims:<id>          hash     claim id -> "<user> <units> <0|1 released>"; c:<user>:<client> -> claim id
//   <prefix>:sio, <prefix>:sio:session:*   socket.io Redis Streams adapter (broadcasts, recovery)
export function showKeys(prefix: string, show: string) {
  const base = `${prefix}:{${show}}`;
  return {
    chat: `${base}:chat`,
    sent: (userId: string, clientId: string) => `${base}:sent:${userId}:${clientId}`,
    questions: `${base}:questions`,
    asked: `${base}:asked`,
    restrictions: `${base}:restrictions`,
    settings: `${base}:settings`,
    rate: (userId: string) => `${base}:rate:${userId}`,
    slow: (userId: string) => `${base}:slow:${userId}`,
    viewers: `${base}:viewers`,
    hash: (name: string) => `${base}:h:${name}`,
    pins: `${base}:pins`,
    pinned: `${base}:pinned`,
    pinSeq: `${base}:pinseq`,
    offers: `${base}:offers`,
    offer: (id: string) => `${base}:offer:${id}`,
    claims: (id: string) => `${base}:claims:${id}`,
  };
}
