import { TrainError } from './errors.js';

/** A TensorFlow.js backend {@link useBackend} can select. */
export type BackendName = 'cpu' | 'wasm' | 'tensorflow' | 'tensorflow-gpu';
/** Every {@link BackendName}, in the order error messages list them. */
export const BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'tensorflow', 'tensorflow-gpu'];

const NATIVE: Record<string, string> = { tensorflow: '@tensorflow/tfjs-node', 'tensorflow-gpu': '@tensorflow/tfjs-node-gpu' };

/** The backend last selected by {@link useBackend}, or null before the first call. */
let selected: BackendName | null = null;

/**
 * Selects the TensorFlow.js backend. `cpu` (the default) is deterministic and always present;
 * `wasm` ships with the package; the native `tensorflow` and `tensorflow-gpu` backends are used only
 * when the user has installed `@tensorflow/tfjs-node` or `-node-gpu` (their install script downloads
 * libtensorflow, so they are never dependencies of gan-verify). TensorFlow.js is loaded here, not
 * when the module is imported: the fused engine trains without it.
 */
export async function useBackend(name: BackendName = 'cpu'): Promise<void> {
  if (!BACKENDS.includes(name))
    throw new TrainError(
      'useBackend',
      'backend',
      `must be one of ${BACKENDS.join(', ')}; got ${typeof name === 'symbol' ? String(name) : JSON.stringify(name)}`,
    );
  const { tf } = await import('./tf.js');
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (name === 'tensorflow' || name === 'tensorflow-gpu') {
    const pkg = NATIVE[name] as string;
    try {
      await import(pkg);
    } catch {
      throw new TrainError(
        'useBackend',
        'backend',
        `${JSON.stringify(name)} needs ${pkg}, which is not installed (npm install ${pkg}; it downloads libtensorflow)`,
      );
    }
  }
  // PROD: no debug checks, and no greeting on stderr advising tfjs-node at the first tensor (the
  // CLI's output is ours to define).
  tf.env().set('PROD', true);
  const ok = await tf.setBackend(name);
  if (!ok) throw new TrainError('useBackend', 'backend', `${JSON.stringify(name)} could not be initialised`);
  await tf.ready();
  selected = name;
}

/** The backend the trainer runs on: the one {@link useBackend} selected, `cpu` when none was. */
export function chosenBackend(): BackendName {
  return selected ?? 'cpu';
}

/**
 * Makes TensorFlow.js ready on the chosen backend (`cpu`, selected now, when none was), for an engine that needs
 * it (the engine imports it itself: this module's declarations name none of TensorFlow.js's types).
 */
export async function readyTf(): Promise<void> {
  if (selected === null) await useBackend('cpu');
}
