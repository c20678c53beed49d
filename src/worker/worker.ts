// The analysis worker: runs the rule engine off the main thread so the map never freezes.
import { expose } from 'comlink';
import { api } from './api';

expose(api);
