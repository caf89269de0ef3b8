import { AdvisorFindings } from '@/components/advisor/advisor-findings';

export default function AdvisorPage() {
  return (
    <>
      <h3>Data-model advisor</h3>
      <AdvisorFindings />
    </>
  );
}
