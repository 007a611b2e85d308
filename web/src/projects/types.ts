/** Shape of `GET /api/projects/:id/scene`. Lengths are metres, angles radians. */

export type ElementType = 'wall' | 'door' | 'window' | 'furniture' | 'fixture';
export type ElementStatus = 'existing' | 'demo' | 'new';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface SceneElement {
  id: string;
  type: ElementType;
  status: ElementStatus;
  /** Construction phase 1..5 (demo, rough, close-in, finish, punch). */
  phase: number;
  position: Vec3;
  rotation: Vec3;
  scale?: Vec3;
  properties: Record<string, unknown>;
}

export interface SceneResponse {
  project: { id: string; name: string; status?: string; region?: string };
  elements: SceneElement[];
}

/** `properties` of a wall. */
export interface WallProperties {
  start: { x: number; z: number };
  end: { x: number; z: number };
  height: number;
  thickness: number;
}

/** `properties` of a door or window. */
export interface OpeningProperties {
  wallId: string;
  /** Metres along the host wall from its `start` to the opening's near edge (its centre is at offset + width / 2). */
  offset: number;
  width: number;
  height: number;
  /** Metres from the floor to the bottom of the opening. */
  sillHeight?: number;
}
