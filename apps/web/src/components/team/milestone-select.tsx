type MilestoneSelectProps = { id: string; milestones: { key: string; title: string }[]; value: string; onChange: (key: string) => void };

/** Chooses the milestone a peer review is about. */
export function MilestoneSelect({ id, milestones, value, onChange }: MilestoneSelectProps) {
  return (
    <div>
      <label className="label" htmlFor={id}>
        Milestone
      </label>
      <select id={id} className="field sm:w-96" value={value} onChange={(event) => onChange(event.target.value)}>
        {milestones.map((m) => (
          <option key={m.key} value={m.key}>
            {m.title}
          </option>
        ))}
      </select>
    </div>
  );
}
