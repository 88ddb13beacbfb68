export function App() { return <main>Mikiwame</main>; }
