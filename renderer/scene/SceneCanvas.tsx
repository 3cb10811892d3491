// The 3D viewport: camera, lights, orbit controls and a dark background.
import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import type { ReactNode } from 'react';

/** The viewport's clear colour; the e2e test reads it back from the pixels. */
export const SCENE_BACKGROUND = '#0d1017';

interface SceneCanvasProps {
  children?: ReactNode;
}

/** A canvas that renders on demand and keeps its drawing buffer for screenshots. */
export function SceneCanvas({ children }: SceneCanvasProps) {
  return (
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
      <OrbitControls makeDefault target={[0, 0.32, 0]} minDistance={2} maxDistance={12} />
    </Canvas>
  );
}
