// The volunteer scanner: sign in, pick a pickup point, scan or type a voucher, hand over, confirm.
// It shows only what to hand over: the API never sends a volunteer any beneficiary data.
import { ApiError, api, getAll, NetworkError, newIdempotencyKey, savedKey } from '../common/api.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { startCamera } from './camera.js';
import { outcomeOfCheck, outcomeOfRefusal } from './outcome.js';
import { redeemVoucher, verifyVoucher } from './redeem.js';
import { renderVoucher } from './voucher-screen.js';

const $ = (id) => document.getElementById(id);
const POINT_KEY = 'supplyline.pickupPoint';

let session; // { key, points, point, items: Map, shelters: Map }
let voucher; // { reference, view, outcome } while one is on screen
let generation = 0; // moves on with each voucher: answers for an older one are dropped
let stopCamera;
let cameraStatus = 'scan.cameraStarting';
/** voucherId -> Idempotency-Key: retries, and a re-scan of the same voucher, reuse it. */
const idempotencyKeys = new Map();

function show(view) {
  for (const name of ['signin', 'point', 'scan', 'voucher']) $(`view-${name}`).hidden = name !== view;
  $('sign-out').hidden = session === undefined;
  $('point-change').hidden = session?.point === undefined || view === 'point';
  $('point-name').textContent = session?.point?.name ?? '';
}

function showSignIn(errorKey) {
  session = undefined;
  $('signin-error').textContent = errorKey ? t(errorKey) : '';
  show('signin');
}

/** Every pickup point the key serves, from the shelters it can see. */
async function loadPoints(key, scope) {
  const shelters = await getAll(key, '/v1/shelters');
  const perShelter = await Promise.all(
    shelters.map((shelter) => getAll(key, `/v1/shelters/${encodeURIComponent(shelter.id)}/pickup-points`)),
  );
  const points = perShelter
    .flat()
    .filter((point) => scope.pickupPointIds === '*' || scope.pickupPointIds.includes(point.id));
  return { points, shelters: new Map(shelters.map((shelter) => [shelter.id, shelter.name])) };
}

async function signIn(key) {
  const me = await api(key, 'GET', '/v1/me');
  if (me.role !== 'volunteer') return showSignIn('signin.notVolunteer');
  const [{ points, shelters }, items] = await Promise.all([
    loadPoints(key, me.scope),
    getAll(key, '/v1/items'),
  ]);
  savedKey.set('volunteer', key);
  session = { key, points, shelters, items: new Map(items.map((item) => [item.id, item])) };
  const remembered = points.find((point) => point.id === localStorage.getItem(POINT_KEY));
  if (remembered) return usePoint(remembered);
  showPointPicker();
}

function showPointPicker() {
  const select = $('point');
  select.replaceChildren(
    ...session.points.map(
      (point) => new Option(`${point.name} · ${session.shelters.get(point.shelterId)}`, point.id),
    ),
  );
  if (session.point) select.value = session.point.id;
  $('point-error').textContent = session.points.length === 0 ? t('point.none') : '';
  show('point');
}

function usePoint(point) {
  session.point = point;
  localStorage.setItem(POINT_KEY, point.id);
  showScanner();
}

async function showScanner() {
  voucher = undefined;
  generation++;
  $('code').value = '';
  show('scan');
  if (stopCamera) return;
  setCameraStatus('scan.cameraStarting');
  try {
    stopCamera = await startCamera($('video'), onScanned, () => voucher === undefined);
    setCameraStatus('scan.cameraReady');
  } catch {
    $('video').hidden = true;
    setCameraStatus('scan.cameraUnavailable');
  }
}

function setCameraStatus(key) {
  cameraStatus = key;
  $('camera-status').textContent = t(key);
}

function onScanned(text) {
  if (voucher === undefined && !$('view-scan').hidden) check({ token: text });
}

/** The controls a retry loop needs: report progress, stop when the volunteer has moved on. */
function control(mine) {
  return {
    onRetry: ({ attempt, offline }) => settle(mine, { kind: offline ? 'offline' : 'busy', attempt }),
    cancelled: () => mine !== generation,
  };
}

function settle(mine, outcome) {
  if (mine !== generation) return;
  if (outcome.kind === 'signed-out') {
    savedKey.forget('volunteer');
    return showSignIn('signin.rejected');
  }
  voucher.outcome = outcome;
  render();
}

function refusal(err) {
  return err instanceof ApiError ? outcomeOfRefusal(err) : { kind: 'error', detail: String(err.message) };
}

async function check(reference) {
  const mine = ++generation;
  voucher = { reference, view: undefined, outcome: { kind: 'checking' } };
  render();
  show('voucher');
  const body = JSON.stringify({ ...reference, pickupPointId: session.point.id });
  try {
    const view = await verifyVoucher(session.key, body, control(mine));
    if (mine === generation) voucher.view = view;
    settle(mine, outcomeOfCheck(view, session.point));
  } catch (err) {
    settle(mine, refusal(err));
  }
}

async function handOver() {
  const mine = generation;
  const { reference, view } = voucher;
  const idempotencyKey = idempotencyKeys.get(view.voucherId) ?? newIdempotencyKey();
  idempotencyKeys.set(view.voucherId, idempotencyKey);
  settle(mine, { kind: 'sending' });
  const body = JSON.stringify({ ...reference, pickupPointId: session.point.id });
  try {
    const redemption = await redeemVoucher(session.key, body, idempotencyKey, control(mine));
    settle(mine, { kind: 'redeemed', redeemedAt: redemption.redeemedAt });
  } catch (err) {
    settle(mine, refusal(err));
  }
}

function render() {
  if (voucher !== undefined) renderVoucher(voucher, session);
}

function failSignIn(err) {
  if (err instanceof ApiError && err.status === 401) {
    savedKey.forget('volunteer');
    return showSignIn('signin.rejected');
  }
  // Offline at start-up: keep the saved key in the form, so "Sign in" simply tries again.
  $('signin-key').value ||= savedKey.get('volunteer') ?? '';
  showSignIn(err instanceof NetworkError ? 'state.offline' : 'state.error');
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    render();
    if (session) $('camera-status').textContent = t(cameraStatus);
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key').value.trim()).catch(failSignIn);
  });
  $('point-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const point = session.points.find((candidate) => candidate.id === $('point').value);
    if (point) usePoint(point);
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code').value.trim();
    if (code) check({ code });
  });
  $('handover').addEventListener('click', handOver);
  $('next').addEventListener('click', showScanner);
  $('point-change').addEventListener('click', showPointPicker);
  $('sign-out').addEventListener('click', () => {
    stopCamera?.();
    stopCamera = undefined;
    savedKey.forget('volunteer');
    localStorage.removeItem(POINT_KEY);
    $('signin-key').value = '';
    showSignIn();
  });
}

wire();
const remembered = savedKey.get('volunteer');
if (remembered) signIn(remembered).catch(failSignIn);
else showSignIn();
