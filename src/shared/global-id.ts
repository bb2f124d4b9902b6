import { BadUserInputError } from './errors';
import { NodeTypes, type NodeTypeName } from './graph-schema';

/** A decoded Relay global id: the node type and the node's own `id` property. */
export interface GlobalId {
  type: NodeTypeName;
  id: string;
}

/** Encodes a node's type and key as an opaque global id (base64url of `Type:key`). */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id, or returns null when it is not one of ours. */
export function tryFromGlobalId(globalId: string): GlobalId | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!(NodeTypes as readonly string[]).includes(type) || id === '') return null;
  // Reject ids that do not round-trip: they were not produced by toGlobalId.
  if (toGlobalId(type as NodeTypeName, id) !== globalId.replace(/=+$/, '')) return null;
  return { type: type as NodeTypeName, id };
}

/**
 * Decodes a global id supplied by a client.
 * @param field the argument or input path, named in the error.
 * @param expected the node types allowed here; all when omitted.
 */
export function fromGlobalId(globalId: string, field: string, expected?: readonly NodeTypeName[]): GlobalId {
  const decoded = tryFromGlobalId(globalId);
  if (!decoded) throw new BadUserInputError('Invalid id', [{ path: field, message: `"${globalId}" is not a node id` }]);
  if (expected && !expected.includes(decoded.type)) {
    throw new BadUserInputError('Wrong kind of id', [
      { path: field, message: `expected the id of a ${expected.join(' or ')}, got a ${decoded.type}` },
    ]);
  }
  return decoded;
}
