/**
 * Babylon.js viewer. Only ever loaded through `React.lazy` from ProjectPage, so
 * everything imported here ends up in the lazy 3D chunk. Import Babylon from
 * specific module paths (never the `@babylonjs/core` barrel) to keep it small.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import { boxStyle, layoutScene, sceneBounds } from './geometry';
import type { SceneResponse } from './types';

export interface ProjectViewerProps {
  scene: SceneResponse;
  /** Text alternative for the canvas. */
  description: string;
}

export default function ProjectViewer({ scene, description }: ProjectViewerProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const layout = useMemo(() => layoutScene(scene.elements), [scene]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;

    let engine: Engine;
    try {
      engine = new Engine(canvas, true, { preserveDrawingBuffer: false, stencil: false }, true);
    } catch (error) {
      setStartError(error instanceof Error ? error.message : String(error));
      return;
    }

    const world = new Scene(engine);
    world.clearColor = new Color4(0.96, 0.97, 0.98, 1);

    const bounds = sceneBounds(layout.boxes);
    const target = new Vector3(bounds.center.x, Math.max(0, bounds.center.y * 0.5), bounds.center.z);
    const camera = new ArcRotateCamera('camera', -Math.PI / 3, Math.PI / 3.2, bounds.radius * 1.9, target, world);
    camera.lowerRadiusLimit = 1;
    camera.upperRadiusLimit = Math.max(20, bounds.radius * 8);
    camera.upperBetaLimit = Math.PI / 2 - 0.02; // stay above the floor
    camera.wheelDeltaPercentage = 0.01;
    camera.panningSensibility = 200;
    camera.minZ = 0.05;
    camera.attachControl(canvas, true);

    const light = new HemisphericLight('sky', new Vector3(0.3, 1, 0.2), world);
    light.intensity = 0.95;
    light.groundColor = new Color3(0.55, 0.55, 0.6);

    const groundSize = Math.max(10, bounds.radius * 4);
    const ground = CreateGround('ground', { width: groundSize, height: groundSize }, world);
    ground.position.set(bounds.center.x, -0.001, bounds.center.z);
    const groundMaterial = new StandardMaterial('ground', world);
    groundMaterial.diffuseColor = new Color3(0.88, 0.89, 0.9);
    groundMaterial.specularColor = Color3.Black();
    ground.material = groundMaterial;
    ground.isPickable = false;

    const materials = new Map<string, StandardMaterial>();
    for (const box of layout.boxes) {
      const style = boxStyle(box.status, box.type);
      const key = `${style.color}/${style.alpha}`;
      let material = materials.get(key);
      if (!material) {
        material = new StandardMaterial(`m-${key}`, world);
        material.diffuseColor = Color3.FromHexString(style.color);
        material.specularColor = new Color3(0.08, 0.08, 0.08);
        material.alpha = style.alpha;
        if (style.alpha < 1) material.backFaceCulling = false;
        materials.set(key, material);
      }
      const mesh = CreateBox(box.id, { width: box.size.width, height: box.size.height, depth: box.size.depth }, world);
      mesh.position.set(box.center.x, box.center.y, box.center.z);
      mesh.rotation.y = box.yaw;
      mesh.material = material;
    }

    engine.runRenderLoop(() => world.render());
    const resize = new ResizeObserver(() => engine.resize());
    resize.observe(canvas);

    return () => {
      resize.disconnect();
      engine.stopRenderLoop();
      camera.detachControl();
      world.dispose();
      engine.dispose();
    };
  }, [layout]);

  if (startError) {
    return (
      <div className="notice notice--error" role="alert">
        <h2 className="notice__title">The 3D viewer couldn't start</h2>
        <p>Your browser may not support WebGL. ({startError})</p>
      </div>
    );
  }

  return (
    <figure className="viewer">
      <canvas
        ref={canvasRef}
        className="viewer__canvas"
        tabIndex={0}
        role="img"
        aria-label={description}
        aria-describedby="viewer-help"
      />
      <figcaption id="viewer-help" className="viewer__help">
        Drag to orbit, scroll or pinch to zoom, right-drag to pan. With the model focused, arrow keys orbit.
        {layout.boxes.length === 0 ? ' This project has no placeable elements yet.' : ''}
      </figcaption>
      {layout.skipped.length > 0 ? (
        <details className="viewer__skipped">
          <summary>
            {layout.skipped.length} element{layout.skipped.length === 1 ? '' : 's'} could not be placed
          </summary>
          <ul>
            {layout.skipped.map((s) => (
              <li key={s.id}>
                {s.type} <code>{s.id}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </figure>
  );
}
