/** The five pillars of the Azure Well-Architected Framework, in the order reports show them. */
export const PILLARS = ['reliability', 'security', 'cost-optimization', 'operational-excellence', 'performance-efficiency'] as const;

export type Pillar = (typeof PILLARS)[number];

export const PILLAR_TITLES: Readonly<Record<Pillar, string>> = {
  reliability: 'Reliability',
  security: 'Security',
  'cost-optimization': 'Cost Optimization',
  'operational-excellence': 'Operational Excellence',
  'performance-efficiency': 'Performance Efficiency',
};
