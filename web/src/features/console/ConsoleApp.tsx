/** The console face (placeholder until its issue work lands). */
export default function ConsoleApp() {
  return (
    <main>
      <h1>console</h1>
    </main>
  );
}
