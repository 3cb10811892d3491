// The 3D viewport: camera, lights, orbit controls and a dark background, with a layer for
// the HTML labels of the axes on top of the canvas.
import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { createContext, useRef, type ReactNode, type RefObject } from 'react';
import { CaptureRegistration } from './capture.js';

/** The viewport's clear colour; the e2e test reads it back from the pixels. */
export const SCENE_BACKGROUND = '#0d1017';

/** Where the orbit controls look by default. */
const DEFAULT_TARGET: [number, number, number] = [0, 0.32, 0];

/**
 * The element that drei's <Html> labels are appended to. It is a sibling of the canvas that
 * React renders empty, so labels added and removed outside React never collide with React's
 * own DOM updates when the canvas unmounts.
 */
export const LabelLayer = createContext<RefObject<HTMLDivElement | null> | null>(null);

interface SceneCanvasProps {
  children?: ReactNode;
  /** The orbit controls' target; pass a constant, since a new array moves the view. */
  target?: [number, number, number];
}

/** A canvas that renders on demand and keeps its drawing buffer for screenshots. */
export function SceneCanvas({ children, target = DEFAULT_TARGET }: SceneCanvasProps) {
  const labels = useRef<HTMLDivElement>(null);
  return (
    <div className="scene">
      {/* Before the canvas, so its ref is set when the canvas's scene first renders. */}
      <div ref={labels} className="scene__labels" />
      <LabelLayer.Provider value={labels}>
        <Canvas
          frameloop="demand"
          flat
          dpr={[1, 2]}
          gl={{ preserveDrawingBuffer: true, antialias: true }}
          camera={{ position: [2.75, 2.05, 2.9], fov: 38, near: 0.1, far: 50 }}
        >
          <color attach="background" args={[SCENE_BACKGROUND]} />
          <ambientLight intensity={1.9} />
          <directionalLight position={[2.5, 5, 3.5]} intensity={1.6} />
          <directionalLight position={[-3, 2, -2]} intensity={0.5} />
          {children}
          <CaptureRegistration />
          <OrbitControls makeDefault target={target} minDistance={1.5} maxDistance={20} />
        </Canvas>
      </LabelLayer.Provider>
    </div>
  );
}
