// Extension pages and the background have IndexedDB; node does not. fake-indexeddb gives every
// unit test the same API with in-memory storage.
import 'fake-indexeddb/auto';
